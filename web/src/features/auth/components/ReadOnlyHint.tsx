import { useTranslation } from 'react-i18next';
import { onLinkClick } from '../../../router/router';
import { signInHref } from '../../../ui/ApiErrorMessage';

/** Why there are no editing controls: not signed in (offer sign-in) or no rights for this town. */
export function ReadOnlyHint({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="hint" data-testid="read-only-hint">
      {signedIn ? (
        t('auth.readOnly')
      ) : (
        <>
          {t('auth.signInToEdit')}{' '}
          <a href={signInHref()} onClick={onLinkClick}>
            {t('auth.signIn')}
          </a>
        </>
      )}
    </p>
  );
}
