import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bumpTileRevision } from '../../map/tile-revision';
import { storefrontKeys } from '../../storefronts/api/storefront-keys';
import { interventionKeys } from '../api/intervention-keys';
import { kpiKeys } from '../../kpis/api/kpi-keys';
import {
  interventionsApi,
  type InterventionChanges,
  type NewIntervention,
  type OutcomeCheckInput,
} from '../api/interventions-api';

export function useStorefrontInterventions(storefrontId: string | undefined) {
  return useQuery({
    queryKey: interventionKeys.forStorefront(storefrontId ?? ''),
    queryFn: () => interventionsApi.list({ storefrontId: storefrontId! }),
    enabled: storefrontId !== undefined,
    select: (page) => page.items,
  });
}

/**
 * After any write of an intervention: its lists, the units it is linked to (has-intervention filter,
 * lists and tiles) and the KPIs (conversion rate).
 */
function useAfterInterventionWrite(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    bumpTileRevision();
    await Promise.all([
      client.invalidateQueries({ queryKey: interventionKeys.all }),
      client.invalidateQueries({ queryKey: storefrontKeys.all }),
      client.invalidateQueries({ queryKey: kpiKeys.all }),
    ]);
  };
}

export function useCreateIntervention() {
  const after = useAfterInterventionWrite();
  return useMutation({
    mutationFn: (body: NewIntervention) => interventionsApi.create(body),
    onSuccess: after,
  });
}

export function useUpdateIntervention(id: string) {
  const after = useAfterInterventionWrite();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: InterventionChanges }) =>
      interventionsApi.update(id, version, changes),
    onSuccess: after,
  });
}

export function useSetOutcomeCheck(id: string) {
  const after = useAfterInterventionWrite();
  return useMutation({
    mutationFn: ({ version, check }: { version: number; check: OutcomeCheckInput }) =>
      interventionsApi.setOutcomeCheck(id, version, check),
    onSuccess: after,
  });
}
