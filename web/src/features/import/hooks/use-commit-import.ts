import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kpiKeys } from '../../kpis/api/kpi-keys';
import { storefrontKeys } from '../../storefronts/api/storefront-keys';
import { importsApi, type ImportMapping } from '../api/imports-api';

/** Saves the mapping (with the skip choice) and commits; the map and the KPIs are stale afterwards. */
export function useCommitImport(cityId: string, importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (mapping: ImportMapping) => {
      await importsApi.saveMapping(cityId, importId, mapping);
      return importsApi.commit(cityId, importId);
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: storefrontKeys.all }),
        queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
      ]);
    },
  });
}
