import { useQuery } from '@tanstack/react-query';
import { kpiKeys } from '../api/kpi-keys';
import { kpisApi } from '../api/kpis-api';

export function useNetworkSummary(network: string | undefined, asOf: string) {
  return useQuery({
    queryKey: kpiKeys.networkSummary(network ?? '', asOf),
    queryFn: () => kpisApi.networkSummary(network!, asOf),
    enabled: network !== undefined,
  });
}
