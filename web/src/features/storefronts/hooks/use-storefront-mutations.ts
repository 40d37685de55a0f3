import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GeoJsonPoint } from '../../../lib/domain';
import { auditKeys } from '../../audit/api/audit-keys';
import { interventionKeys } from '../../interventions/api/intervention-keys';
import { bumpTileRevision } from '../../map/tile-revision';
import { storefrontKeys } from '../api/storefront-keys';
import {
  storefrontsApi,
  type NewStorefront,
  type PeriodPatch,
  type StatusChange,
  type StorefrontAttributes,
} from '../api/storefronts-api';
import { cityKeys } from '../../towns/api/city-keys';
import { kpiKeys } from '../../kpis/api/kpi-keys';

/** After any write: lists, counts, panels, change histories and map tiles all refresh. */
function useAfterWrite(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    bumpTileRevision();
    await Promise.all([
      client.invalidateQueries({ queryKey: storefrontKeys.all }),
      client.invalidateQueries({ queryKey: interventionKeys.all }),
      client.invalidateQueries({ queryKey: cityKeys.all }),
      client.invalidateQueries({ queryKey: auditKeys.all }),
      client.invalidateQueries({ queryKey: kpiKeys.all }),
    ]);
  };
}

export function useCreateStorefront() {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (body: NewStorefront) => storefrontsApi.create(body),
    onSuccess: afterWrite,
  });
}

export function useUpdateStorefront(id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: ({
      version,
      changes,
    }: {
      version: number;
      changes: Partial<StorefrontAttributes> & { location?: GeoJsonPoint };
    }) => storefrontsApi.update(id, version, changes),
    onSuccess: afterWrite,
  });
}

export function useCorrectPeriod(id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: ({ periodId, version, patch }: { periodId: string; version: number; patch: PeriodPatch }) =>
      storefrontsApi.correctPeriod(id, periodId, version, patch),
    onSuccess: afterWrite,
  });
}

export function useRemovePeriod(id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: ({ periodId, version }: { periodId: string; version: number }) =>
      storefrontsApi.removePeriod(id, periodId, version),
    onSuccess: afterWrite,
  });
}

/**
 * Deletes a unit. `onGone` runs first, before anything is read again: it closes what shows the unit,
 * whose queries would otherwise be asked again and answer 404 (an alert flashed on a success).
 */
export function useDeleteStorefront(id: string, onGone: () => void) {
  const client = useQueryClient();
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (version: number) => storefrontsApi.remove(id, version),
    onSuccess: async () => {
      onGone();
      // The unit is gone: forget its panel data instead of asking for it again (404s).
      client.removeQueries({ queryKey: [...storefrontKeys.all, 'detail', id] });
      client.removeQueries({ queryKey: storefrontKeys.occupancy(id) });
      await afterWrite();
    },
  });
}

export function useVerifyStorefront(id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (version: number) => storefrontsApi.verify(id, version),
    onSuccess: afterWrite,
  });
}

export function useChangeStatus(id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: ({ version, change }: { version: number; change: StatusChange }) =>
      storefrontsApi.changeStatus(id, version, change),
    onSuccess: afterWrite,
  });
}
