import { useQuery } from '@tanstack/react-query';
import { importKeys } from '../api/import-keys';
import { importsApi } from '../api/imports-api';

/** Polls the upload's status and processed rows while a commit runs. */
export function useImportProgress(cityId: string, importId: string, active: boolean) {
  return useQuery({
    queryKey: importKeys.detail(cityId, importId),
    queryFn: () => importsApi.get(cityId, importId),
    enabled: active,
    refetchInterval: active ? 500 : false,
  });
}
