import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { City, Network } from '../../../lib/domain';
import { kpiKeys } from '../../kpis/api/kpi-keys';
import { kpisApi } from '../../kpis/api/kpis-api';

export const networkKeys = {
  all: ['networks'] as const,
  list: () => [...networkKeys.all, 'list'] as const,
  detail: (slug: string) => [...networkKeys.all, 'detail', slug] as const,
};

export function useNetworks() {
  return useQuery({ queryKey: networkKeys.list(), queryFn: () => api.get<Network[]>('/api/networks') });
}

export function useNetwork(slug: string) {
  return useQuery({
    queryKey: networkKeys.detail(slug),
    queryFn: () => api.get<Network>(`/api/networks/${encodeURIComponent(slug)}`),
  });
}

/**
 * Each town's KPIs on the date (the KPI engine's units and vacancy rate: inside the perimeter, as in
 * the reports and benchmarks), one request per town so that a town the viewer may not read fails alone.
 */
export function useTownKpiSnapshots(cities: City[], asOf: string) {
  return useQueries({
    queries: cities.map((city) => ({
      queryKey: kpiKeys.snapshot([city.id], asOf),
      queryFn: () => kpisApi.snapshot([city.id], asOf),
      enabled: city.storefrontCount !== null,
    })),
  });
}
