import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { interventionKeys } from '../api/intervention-keys';
import { interventionsApi, type InterventionSearch } from '../api/interventions-api';

export function useInterventionSearch(params: InterventionSearch, enabled: boolean) {
  return useQuery({
    queryKey: interventionKeys.search(params),
    queryFn: () => interventionsApi.search(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}
