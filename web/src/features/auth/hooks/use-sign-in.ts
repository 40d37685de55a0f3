import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api-client';
import { authApi } from '../api/auth-api';
import { sessionKeys } from '../api/session-keys';

/** Signs in; everything cached as the anonymous visitor is refetched with the new rights. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => authApi.signIn(email, password),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionKeys.current(), session);
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}
