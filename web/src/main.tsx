import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { sessionKeys } from './features/auth/api/session-keys';
import { isApiError } from './lib/api-client';
import { isPasswordChangeRequired } from './lib/error-message';

/**
 * A 401 means the session ended (expired, signed out elsewhere, password reset): ask who is signed
 * in again, so the header and the editing controls stop claiming a session that is gone. A 403
 * `password_change_required` (an admin reset the password, or the session is still loading) does the
 * same: the session then says so, and the password form takes the page's place.
 * A 409 VERSION_CONFLICT means a record shown is outdated: everything shown is read again, so the
 * next attempt starts from what is stored (forms keep what the user typed).
 */
const onError = (error: unknown): void => {
  if ((isApiError(error) && error.status === 401) || isPasswordChangeRequired(error))
    void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
  if (isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries();
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
