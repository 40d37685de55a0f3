import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../features/auth/components/ChangePasswordForm';
import { useSession } from '../features/auth/hooks/use-session';
import { safeReturnPath } from '../lib/return-path';
import { onLinkClick, useSearch } from '../router/router';
import { signInHref } from '../ui/ApiErrorMessage';
import { Loading } from '../ui/Status';

/**
 * /konto/passwort: the signed-in user chooses a new password. Also shown in place of every page while
 * the user is on a temporary password (App), which the API allows nothing else with.
 */
export default function ChangePasswordPage({ onContinue }: { onContinue?: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const search = useSearch();
  const [changed, setChanged] = useState(false);
  const changedStatus = useRef<HTMLParagraphElement>(null);
  // the form and its button are gone: the status takes the focus (it is read; Tab leads on)
  useEffect(() => {
    if (changed) changedStatus.current?.focus();
  }, [changed]);
  const user = session.data?.user;
  if (session.isPending) return <Loading />;
  if (!user) {
    return (
      <div className="narrow-page">
        <h1>{t('account.title')}</h1>
        <p>
          <a href={signInHref()} onClick={onLinkClick}>
            {t('auth.signIn')}
          </a>
        </p>
      </div>
    );
  }
  // Where to go afterwards: the page asked for (forced change in place), else the start page.
  const next = safeReturnPath(
    window.location.pathname === '/konto/passwort'
      ? new URLSearchParams(search).get('weiter')
      : `${window.location.pathname}${window.location.search}`,
  );
  return (
    <div className="narrow-page">
      <h1 id="change-password-heading">
        {user.mustChangePassword ? t('account.titleRequired') : t('account.title')}
      </h1>
      {changed ? (
        <>
          <p role="status" data-testid="password-changed" tabIndex={-1} ref={changedStatus}>
            {t('account.changed')}
          </p>
          <p>
            <a
              href={next}
              onClick={(e) => {
                onContinue?.();
                onLinkClick(e);
              }}
            >
              {t('auth.continue')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p className="hint">{user.mustChangePassword ? t('account.introRequired') : t('account.intro')}</p>
          <ChangePasswordForm onChanged={() => setChanged(true)} />
        </>
      )}
    </div>
  );
}
