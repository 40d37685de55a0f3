import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { kpiKeys } from '../api/kpi-keys';
import { kpisApi } from '../api/kpis-api';

export function useTownKpis(cityIds: string[], asOf: string) {
  return useQuery({
    queryKey: kpiKeys.snapshot(cityIds, asOf),
    queryFn: () => kpisApi.snapshot(cityIds, asOf),
    enabled: cityIds.length > 0,
    placeholderData: keepPreviousData,
  });
}
