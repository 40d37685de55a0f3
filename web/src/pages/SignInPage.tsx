import { useTranslation } from 'react-i18next';
import { SignInForm } from '../features/auth/components/SignInForm';
import { useSession } from '../features/auth/hooks/use-session';
import { safeReturnPath } from '../lib/return-path';
import { navigate, onLinkClick, useSearch } from '../router/router';

export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const next = safeReturnPath(new URLSearchParams(useSearch()).get('weiter'));
  const user = session.data?.user;
  return (
    <div className="narrow-page">
      {user ? (
        <>
          <h1>{t('auth.title')}</h1>
          <p role="status">{t('auth.alreadySignedIn', { name: user.displayName })}</p>
          <a href={next} onClick={onLinkClick}>
            {t('auth.continue')}
          </a>
        </>
      ) : (
        <SignInForm onSignedIn={() => navigate(next)} />
      )}
    </div>
  );
}
