import { useTranslation } from 'react-i18next';
import { navigate, onLinkClick } from '../../../router/router';
import { signInHref } from '../../../ui/ApiErrorMessage';
import { useSession } from '../hooks/use-session';
import { useSignOut } from '../hooks/use-sign-out';
import { confirmDiscard } from '../../../ui/unsaved-changes';

/** The header's account area: who is signed in, the admin link, sign-out; or the sign-in link. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const user = session.data?.user;
  if (session.isPending) return null;
  if (!user) {
    return (
      <a className="app-header__link" href={signInHref()} onClick={onLinkClick} data-testid="sign-in-link">
        {t('auth.signIn')}
      </a>
    );
  }
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-menu__name">
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        {user.displayName}
      </span>
      {!user.mustChangePassword && session.data?.grants.some((g) => g.role === 'city_editor') && (
        <>
          <a
            className="app-header__link"
            href="/daten/import"
            onClick={onLinkClick}
            data-testid="import-link"
          >
            {t('import.nav')}
          </a>
          <a className="app-header__link" href="/begehung" onClick={onLinkClick} data-testid="walk-link">
            {t('walk.title')}
          </a>
        </>
      )}
      {user.isAdmin && !user.mustChangePassword && (
        <a className="app-header__link" href="/admin/benutzer" onClick={onLinkClick}>
          {t('admin.nav')}
        </a>
      )}
      <a className="app-header__link" href="/konto/passwort" onClick={onLinkClick}>
        {t('account.nav')}
      </a>
      <button
        type="button"
        className="button button--ghost"
        disabled={signOut.isPending}
        onClick={() => {
          if (!confirmDiscard()) return; // asked before signing out, not after
          signOut.mutate(undefined, { onSettled: () => navigate('/') });
        }}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}
