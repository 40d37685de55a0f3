import { useQuery } from '@tanstack/react-query';
import { setCsrfToken } from '../../../lib/api-client';
import { authApi } from '../api/auth-api';
import { sessionKeys } from '../api/session-keys';

/** Who is signed in (user null when anonymous). Keeps the API client's CSRF token current. */
export function useSession() {
  return useQuery({
    queryKey: sessionKeys.current(),
    queryFn: async () => {
      const session = await authApi.session();
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 5 * 60_000,
  });
}
