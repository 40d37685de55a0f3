import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { kpiKeys } from '../api/kpi-keys';
import { kpisApi } from '../api/kpis-api';

/** The town's openings and closures in the 12 months up to `to`. */
export function useTransitions(cityId: string, to: string) {
  return useQuery({
    queryKey: kpiKeys.transitions(cityId, to),
    queryFn: () => kpisApi.transitions(cityId, to),
    placeholderData: keepPreviousData,
  });
}
