import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/use-session';
import { isAdmin } from '../features/auth/permissions';
import { useNetworks } from '../features/networks/hooks/use-networks';
import { useCities } from '../features/towns/hooks/use-cities';
import { CreateUserForm } from '../features/users/components/CreateUserForm';
import { TemporaryPassword } from '../features/users/components/TemporaryPassword';
import { UserTable } from '../features/users/components/UserTable';
import { useUsers } from '../features/users/hooks/use-users';
import { onLinkClick } from '../router/router';
import { signInHref } from '../ui/ApiErrorMessage';
import { LoadError, Loading } from '../ui/Status';

/** /admin/benutzer: accounts and their roles per town or network (admins only). */
export default function AdminUsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = isAdmin(session.data);
  const users = useUsers(admin);
  const cities = useCities();
  const networks = useNetworks();
  const [password, setPassword] = useState<{ email: string; password: string } | null>(null);

  if (session.isPending) return <Loading />;
  if (!session.data?.user) {
    return (
      <div className="narrow-page">
        <h1>{t('admin.title')}</h1>
        <p>
          {t('errors.unauthenticated')}{' '}
          <a href={signInHref()} onClick={onLinkClick}>
            {t('auth.signIn')}
          </a>
        </p>
      </div>
    );
  }
  if (!admin) {
    return (
      <div className="narrow-page">
        <h1>{t('admin.title')}</h1>
        <p role="alert">{t('admin.forbidden')}</p>
      </div>
    );
  }
  const error = users.error ?? cities.error ?? networks.error;
  if (error) return <LoadError error={error} onRetry={() => void users.refetch()} />;
  if (!users.data || !cities.data || !networks.data) return <Loading />;
  const show = (email: string, pw: string): void => setPassword({ email, password: pw });
  return (
    <div className="admin">
      <h1>{t('admin.title')}</h1>
      {password && <TemporaryPassword {...password} onClose={() => setPassword(null)} />}
      <div className="admin__body">
        <UserTable
          users={users.data}
          cities={cities.data}
          networks={networks.data}
          currentUserId={session.data.user.id}
          onPassword={show}
        />
        <section className="side-panel">
          <CreateUserForm cities={cities.data} networks={networks.data} onCreated={show} />
        </section>
      </div>
    </div>
  );
}
