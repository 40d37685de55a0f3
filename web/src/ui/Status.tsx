import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { errorMessageKey, errorMessageValues, isPasswordChangeRequired } from '../lib/error-message';
import { onLinkClick } from '../router/router';
import { signInHref } from './ApiErrorMessage';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="page-message" role="status">
      {t('app.loading')}
    </p>
  );
}

/**
 * A failed load: 401 offers sign-in, 403 says there are no rights for this town, else the reason.
 * Retry is offered where asking again can help (not for 401, 403 or 404).
 */
export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  // Refused for a temporary password: the session is being read again (main.tsx) and the password form
  // will replace this page — an alert in between would only be read out to screen-reader users.
  if (isPasswordChangeRequired(error)) return <Loading />;
  const key = errorMessageKey(error);
  const explained = key !== 'errors.generic';
  return (
    <div className="page-message page-message--error" role="alert">
      <p>{explained ? t(key, errorMessageValues(error)) : t('app.error', { message: error.message })}</p>
      {isApiError(error, 'UNAUTHENTICATED') && (
        <p>
          <a href={signInHref()} onClick={onLinkClick}>
            {t('auth.signIn')}
          </a>
        </p>
      )}
      {onRetry && !['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].some((code) => isApiError(error, code)) && (
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
