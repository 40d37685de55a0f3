import { useMutation } from '@tanstack/react-query';
import { importsApi, type ImportMapping } from '../api/imports-api';

/** Saves the mapping, then runs the import in a transaction the API rolls back. */
export function useDryRun(cityId: string, importId: string) {
  return useMutation({
    mutationFn: async (mapping: ImportMapping) => {
      await importsApi.saveMapping(cityId, importId, mapping);
      return importsApi.dryRun(cityId, importId);
    },
  });
}
