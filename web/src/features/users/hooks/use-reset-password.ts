import { useMutation } from '@tanstack/react-query';
import { usersApi } from '../api/users-api';

/** Issues a new one-time password (the user list does not change). */
export function useResetPassword() {
  return useMutation({ mutationFn: (id: string) => usersApi.resetPassword(id) });
}
