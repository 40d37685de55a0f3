import { useQuery } from '@tanstack/react-query';
import { importKeys } from '../api/import-keys';
import { importsApi } from '../api/imports-api';

/** The API's proposed mapping and the distinct values of each column of an upload. */
export function useImportSuggestions(cityId: string, importId: string | undefined) {
  return useQuery({
    queryKey: importKeys.suggestions(cityId, importId ?? ''),
    queryFn: () => importsApi.suggestions(cityId, importId!),
    enabled: importId !== undefined,
    staleTime: Infinity,
  });
}
