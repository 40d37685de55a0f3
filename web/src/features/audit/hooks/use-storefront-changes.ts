import { useQuery } from '@tanstack/react-query';
import { auditKeys } from '../api/audit-keys';
import { changesApi } from '../api/changes-api';

/** The unit's change history; editors of the town only. */
export function useStorefrontChanges(storefrontId: string, enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.forStorefront(storefrontId),
    queryFn: () => changesApi.forStorefront(storefrontId),
    enabled,
  });
}
