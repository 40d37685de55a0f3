import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import {
  currentVersion,
  errorMessageKey,
  errorMessageValues,
  invalidFieldLabels,
} from '../lib/error-message';
import { formatNumber } from '../lib/format';
import { onLinkClick } from '../router/router';

/** Where the sign-in page returns to afterwards: the page the user is on. */
export function signInHref(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return `/anmelden?weiter=${encodeURIComponent(here)}`;
}

/**
 * A failed write or read, explained in the UI language by error code. On 401 it offers sign-in;
 * on 403 it says the user has no rights for this town. On 409 (someone else saved first; the page
 * reloads the record, main.tsx) a form that keeps the user's changes passes `onRetry`: it saves them
 * again on top of the record as now stored.
 */
export function ApiErrorMessage({
  error,
  onRetry,
}: {
  error: Error;
  onRetry?: (currentVersion: number) => void;
}) {
  const { t } = useTranslation();
  const key = errorMessageKey(error);
  // Invalid fields are named by their form labels in the UI language, not by the API's English text.
  const fields = invalidFieldLabels(error);
  const version = onRetry ? currentVersion(error) : null;
  return (
    <div className="form__error" role="alert" data-testid="api-error">
      <p>
        {fields.length > 0
          ? t('errors.fields', {
              fields: fields
                .map((f) => {
                  const label = f.key ? t(f.key) : f.field;
                  const why = f.rules.map((r) =>
                    t(
                      `errors.rule.${r.rule}`,
                      r.limit === undefined ? {} : { limit: formatNumber(r.limit, 2) },
                    ),
                  );
                  return why.length ? `${label} (${why.join(', ')})` : label;
                })
                .join(', '),
            })
          : t(key, errorMessageValues(error))}
        {isApiError(error, 'UNAUTHENTICATED') && (
          <>
            {' '}
            <a href={signInHref()} onClick={onLinkClick}>
              {t('auth.signIn')}
            </a>
          </>
        )}
      </p>
      {onRetry && version !== null && (
        <button type="button" className="button" onClick={() => onRetry(version)}>
          {t('errors.retryOnCurrent')}
        </button>
      )}
    </div>
  );
}
