import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api-client';
import { ANONYMOUS, authApi } from '../api/auth-api';
import { sessionKeys } from '../api/session-keys';

/** Signs out and resets every cached answer (they may hold what only the user could see); visible ones reload. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => authApi.signOut(),
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData(sessionKeys.current(), ANONYMOUS);
      return client.resetQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}
