import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { City, Network } from '../../../lib/domain';
import { formatDate } from '../../../lib/format';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import type { User } from '../api/users-api';
import { useResetPassword } from '../hooks/use-reset-password';
import { useUpdateUser } from '../hooks/use-update-user';
import { grantLabel } from './grant-label';
import { RolesEditor } from './RolesEditor';
import { confirmDiscard } from '../../../ui/unsaved-changes';

export interface UserTableProps {
  users: User[];
  cities: City[];
  networks: Network[];
  currentUserId: string | undefined;
  onPassword: (email: string, temporaryPassword: string) => void;
}

/** Every account with its roles; change the roles, reset the password or disable/enable it. */
export function UserTable({ users, cities, networks, currentUserId, onPassword }: UserTableProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const error = update.error ?? reset.error;
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      {error && <ApiErrorMessage error={error} />}
      <table className="storefront-table" data-testid="user-table">
        <caption>{t('admin.listCaption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.displayName')}</th>
            <th scope="col">{t('admin.email')}</th>
            <th scope="col">{t('admin.roles')}</th>
            <th scope="col">{t('admin.state')}</th>
            <th scope="col">{t('admin.createdAt')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <Fragment key={u.id}>
              <tr data-testid="user-row">
                <th scope="row">{u.displayName}</th>
                <td>{u.email}</td>
                <td>
                  <ul className="plain-list">
                    {u.isAdmin && <li>{t('role.admin')}</li>}
                    {u.grants.map((g) => (
                      <li key={`${g.role}-${g.cityId ?? g.networkId ?? ''}`}>
                        {grantLabel(t, g, cities, networks)}
                      </li>
                    ))}
                    {!u.isAdmin && u.grants.length === 0 && <li>{t('admin.noGrants')}</li>}
                  </ul>
                </td>
                <td>
                  {u.disabled
                    ? t('admin.disabled')
                    : u.mustChangePassword
                      ? t('admin.activeTemporary')
                      : t('admin.active')}
                </td>
                <td>{formatDate(u.createdAt)}</td>
                <td className="row-actions">
                  <ConfirmButton
                    label={t('admin.resetPassword')}
                    accessibleLabel={t('admin.resetPasswordOf', { email: u.email })}
                    question={t('admin.resetQuestion', { email: u.email })}
                    confirmLabel={t('admin.resetConfirm')}
                    disabled={reset.isPending}
                    onConfirm={() =>
                      reset.mutate(u.id, { onSuccess: (r) => onPassword(u.email, r.temporaryPassword) })
                    }
                  />
                  {u.id !== currentUserId && (
                    <button
                      type="button"
                      className="button"
                      disabled={update.isPending}
                      aria-label={t(u.disabled ? 'admin.enableUser' : 'admin.disableUser', {
                        email: u.email,
                      })}
                      onClick={() =>
                        update.mutate({ id: u.id, version: u.version, changes: { disabled: !u.disabled } })
                      }
                    >
                      {u.disabled ? t('admin.enable') : t('admin.disable')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button"
                    aria-expanded={editing === u.id}
                    aria-label={t('admin.editRolesFor', { email: u.email })}
                    onClick={() => confirmDiscard() && setEditing(editing === u.id ? null : u.id)} // closes the open editor
                  >
                    {t('admin.editRoles')}
                  </button>
                </td>
              </tr>
              {editing === u.id && (
                <tr>
                  <td colSpan={6}>
                    <RolesEditor
                      user={u}
                      cities={cities}
                      networks={networks}
                      onDone={() => setEditing(null)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
