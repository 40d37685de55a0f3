import { useQuery } from '@tanstack/react-query';
import { interventionKeys } from '../api/intervention-keys';
import { interventionsApi } from '../api/interventions-api';

/** The knowledge base's table „Art × Stadt“, for the same network or town as the summary per type. */
export function useInterventionsByTypeAndTown(
  params: { network?: string; cityId?: string },
  enabled: boolean,
) {
  return useQuery({
    queryKey: interventionKeys.byTypeAndTown(params),
    queryFn: () => interventionsApi.byTypeAndTown(params),
    enabled,
  });
}
