import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { City, Network } from '../../../lib/domain';
import { ROLES, type Role } from '../../auth/api/auth-api';
import type { GrantInput } from '../api/users-api';
import { reportChange } from '../../../ui/unsaved-changes';

export interface GrantsEditorProps {
  grants: GrantInput[];
  onChange: (grants: GrantInput[]) => void;
  cities: City[];
  networks: Network[];
}

/** Network members are granted a network; editors and viewers a town. */
export const scopeOf = (role: Role): 'network' | 'city' => (role === 'network_member' ? 'network' : 'city');

/** A role per town or network, row by row; each control is labelled with its row number. */
export function GrantsEditor({ grants, onChange, cities, networks }: GrantsEditorProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const replace = (index: number, grant: GrantInput): void =>
    onChange(grants.map((g, i) => (i === index ? grant : g)));
  const withRole = (role: Role): GrantInput =>
    scopeOf(role) === 'network' ? { role, networkId: networks[0]?.id } : { role, cityId: cities[0]?.id };

  return (
    <fieldset className="grants">
      <legend>{t('admin.grants')}</legend>
      {grants.length === 0 && <p className="hint">{t('admin.noGrants')}</p>}
      {grants.map((grant, index) => {
        const n = index + 1;
        const scope = scopeOf(grant.role);
        const roleId = `${baseId}-role-${n}`;
        const scopeId = `${baseId}-scope-${n}`;
        return (
          <div className="grants__row" key={index} data-testid="grant-row">
            <label htmlFor={roleId} className="visually-hidden">
              {t('admin.grantRole', { n })}
            </label>
            <select
              id={roleId}
              value={grant.role}
              onChange={(e) => replace(index, withRole(e.target.value as Role))}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            <label htmlFor={scopeId} className="visually-hidden">
              {scope === 'network' ? t('admin.grantNetwork', { n }) : t('admin.grantTown', { n })}
            </label>
            {scope === 'network' ? (
              <select
                id={scopeId}
                value={grant.networkId ?? ''}
                onChange={(e) => replace(index, { role: grant.role, networkId: e.target.value })}
              >
                {networks.map((nw) => (
                  <option key={nw.id} value={nw.id}>
                    {nw.name}
                  </option>
                ))}
              </select>
            ) : (
              <select
                id={scopeId}
                value={grant.cityId ?? ''}
                onChange={(e) => replace(index, { role: grant.role, cityId: e.target.value })}
              >
                {cities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              className="button button--ghost"
              onClick={(e) => {
                reportChange(e.currentTarget); // no typing: the form has unsaved input all the same
                onChange(grants.filter((_, i) => i !== index));
              }}
            >
              {t('admin.removeGrant', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={(e) => {
          reportChange(e.currentTarget);
          onChange([...grants, withRole('city_editor')]);
        }}
      >
        {t('admin.addGrant')}
      </button>
    </fieldset>
  );
}
