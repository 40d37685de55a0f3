import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/auth-api';

/** Replaces the signed-in user's password; then the session (no longer temporary) and all data are read again. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      authApi.changePassword(currentPassword, newPassword),
    onSuccess: () => client.invalidateQueries(),
  });
}
