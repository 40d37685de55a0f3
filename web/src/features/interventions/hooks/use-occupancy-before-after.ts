import { useQuery } from '@tanstack/react-query';
import { interventionKeys } from '../api/intervention-keys';
import { interventionsApi } from '../api/interventions-api';

export function useOccupancyBeforeAfter(interventionId: string, enabled: boolean) {
  return useQuery({
    queryKey: interventionKeys.beforeAfter(interventionId),
    queryFn: () => interventionsApi.occupancyBeforeAfter(interventionId),
    enabled,
    staleTime: 5 * 60_000,
  });
}
