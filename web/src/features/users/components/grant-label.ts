import type { TFunction } from 'i18next';
import type { City, Network } from '../../../lib/domain';
import type { Grant } from '../../auth/api/auth-api';

/** „Bearbeitung: Mühlhausen“ — a grant in words, with the town or network by name. */
export function grantLabel(t: TFunction, grant: Grant, cities: City[], networks: Network[]): string {
  const scope = grant.networkId
    ? (networks.find((n) => n.id === grant.networkId)?.name ?? grant.networkId)
    : (cities.find((c) => c.id === grant.cityId)?.name ?? grant.cityId ?? '–');
  return `${t(`role.${grant.role}`)}: ${scope}`;
}
