import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api-client';
import { authApi } from '../api/auth-api';
import { sessionKeys } from '../api/session-keys';

/**
 * Replaces the signed-in user's password. The API answers a new session (the old one ended): its CSRF
 * token is taken at once, as after sign-in, and everything shown is read again with the full rights.
 */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      authApi.changePassword(currentPassword, newPassword),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionKeys.current(), session);
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}
