import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { City, Network } from '../../../lib/domain';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { Field } from '../../../ui/Field';
import type { GrantInput } from '../api/users-api';
import { useCreateUser } from '../hooks/use-create-user';
import { GrantsEditor } from './GrantsEditor';
import { FormActions } from '../../../ui/FormActions';

export interface CreateUserFormProps {
  cities: City[];
  networks: Network[];
  onCreated: (email: string, temporaryPassword: string) => void;
}

export function CreateUserForm({ cities, networks, onCreated }: CreateUserFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [grants, setGrants] = useState<GrantInput[]>([]);
  return (
    <form
      className="form"
      aria-labelledby="create-user-heading"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate(
          { email: email.trim(), displayName: displayName.trim(), isAdmin, grants },
          {
            onSuccess: (created) => {
              onCreated(created.user.email, created.temporaryPassword);
              setEmail('');
              setDisplayName('');
              setIsAdmin(false);
              setGrants([]);
            },
          },
        );
      }}
    >
      <h2 id="create-user-heading">{t('admin.createTitle')}</h2>
      <Field label={t('admin.email')} required>
        {(id, props) => (
          <input
            id={id}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...props}
          />
        )}
      </Field>
      <Field label={t('admin.displayName')} required>
        {(id, props) => (
          <input id={id} value={displayName} onChange={(e) => setDisplayName(e.target.value)} {...props} />
        )}
      </Field>
      <label className="chip">
        <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
        {t('admin.isAdmin')}
      </label>
      <GrantsEditor grants={grants} onChange={setGrants} cities={cities} networks={networks} />
      {mutation.error && <ApiErrorMessage error={mutation.error} />}
      <FormActions pending={mutation.isPending} saved={mutation.isSuccess} saveLabel={t('admin.create')} />
    </form>
  );
}
