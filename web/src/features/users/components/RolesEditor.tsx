import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { City, Network } from '../../../lib/domain';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import type { GrantInput, User } from '../api/users-api';
import { useUpdateUser } from '../hooks/use-update-user';
import { GrantsEditor } from './GrantsEditor';
import { FormActions } from '../../../ui/FormActions';

/** Changes an account's roles (the whole set is replaced, with the version the admin saw). */
export function RolesEditor({
  user,
  cities,
  networks,
  onDone,
}: {
  user: User;
  cities: City[];
  networks: Network[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [grants, setGrants] = useState<GrantInput[]>(() =>
    user.grants.map((g) => ({
      role: g.role,
      ...(g.cityId ? { cityId: g.cityId } : {}),
      ...(g.networkId ? { networkId: g.networkId } : {}),
    })),
  );
  return (
    <form
      className="form"
      aria-label={t('admin.editRolesFor', { email: user.email })}
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: user.id, version: user.version, changes: { grants } }, { onSuccess: onDone });
      }}
    >
      <GrantsEditor grants={grants} onChange={setGrants} cities={cities} networks={networks} />
      {update.error && <ApiErrorMessage error={update.error} />}
      <FormActions pending={update.isPending} onCancel={onDone} saveLabel={t('admin.saveRoles')} />
    </form>
  );
}
