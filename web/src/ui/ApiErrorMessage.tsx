import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { errorMessageKey, invalidFieldLabels } from '../lib/error-message';
import { onLinkClick } from '../router/router';

/** Where the sign-in page returns to afterwards: the page the user is on. */
export function signInHref(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return `/anmelden?weiter=${encodeURIComponent(here)}`;
}

/**
 * A failed write or read, explained in the UI language by error code. On 401 it offers sign-in;
 * on 403 it says the user has no rights for this town.
 */
export function ApiErrorMessage({ error }: { error: Error }) {
  const { t } = useTranslation();
  const key = errorMessageKey(error);
  // Invalid fields are named by their form labels in the UI language, not by the API's English text.
  const fields = invalidFieldLabels(error);
  return (
    <p className="form__error" role="alert" data-testid="api-error">
      {fields.length > 0
        ? t('errors.fields', { fields: fields.map((f) => (f.key ? t(f.key) : f.field)).join(', ') })
        : t(key, { message: error.message })}
      {isApiError(error, 'UNAUTHENTICATED') && (
        <>
          {' '}
          <a href={signInHref()} onClick={onLinkClick}>
            {t('auth.signIn')}
          </a>
        </>
      )}
    </p>
  );
}
