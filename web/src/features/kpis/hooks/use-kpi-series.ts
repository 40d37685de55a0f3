import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { kpiKeys } from '../api/kpi-keys';
import { kpisApi, type KpiSeries } from '../api/kpis-api';

export function useKpiSeries(cityIds: string[], from: string, to: string, interval: KpiSeries['interval']) {
  return useQuery({
    queryKey: kpiKeys.series(cityIds, from, to, interval),
    queryFn: () => kpisApi.series(cityIds, from, to, interval),
    enabled: cityIds.length > 0,
    placeholderData: keepPreviousData,
  });
}
