import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bumpTileRevision } from '../../map/tile-revision';
import { storefrontKeys } from '../../storefronts/api/storefront-keys';
import { interventionKeys } from '../api/intervention-keys';
import { interventionsApi, type NewIntervention } from '../api/interventions-api';

export function useStorefrontInterventions(storefrontId: string | undefined) {
  return useQuery({
    queryKey: interventionKeys.forStorefront(storefrontId ?? ''),
    queryFn: () => interventionsApi.list({ storefrontId: storefrontId! }),
    enabled: storefrontId !== undefined,
    select: (page) => page.items,
  });
}

export function useCreateIntervention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewIntervention) => interventionsApi.create(body),
    onSuccess: async () => {
      bumpTileRevision();
      await Promise.all([
        client.invalidateQueries({ queryKey: interventionKeys.all }),
        client.invalidateQueries({ queryKey: storefrontKeys.all }),
      ]);
    },
  });
}
