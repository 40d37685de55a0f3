import { useQuery } from '@tanstack/react-query';
import { interventionKeys } from '../api/intervention-keys';
import { interventionsApi } from '../api/interventions-api';

export function useInterventionsByType(params: { network?: string; cityId?: string }, enabled: boolean) {
  return useQuery({
    queryKey: interventionKeys.byType(params),
    queryFn: () => interventionsApi.byType(params),
    enabled,
  });
}
