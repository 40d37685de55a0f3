import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Network } from '../../../lib/domain';
import { useCities } from '../../towns/hooks/use-cities';
import { reportKeys } from '../api/report-keys';
import { reportsApi } from '../api/reports-api';
import { previousYear, seriesStart } from '../report-format';

/**
 * A network report's data: the network summary and the overview map (the API limits both to the
 * member towns the caller may see), those towns' KPIs and series, and the interventions by type.
 * Unchanged API answers only.
 */
export function useNetworkReport(slug: string, asOf: string) {
  const network = useQuery({
    queryKey: [...reportKeys.all, 'network', slug] as const,
    queryFn: () => api.get<Network>(`/api/networks/${encodeURIComponent(slug)}`),
  });
  const cities = useCities(slug);
  const visible = (cities.data ?? []).filter((c) => c.storefrontCount !== null);
  const ids = visible.map((c) => c.id);
  const enabled = cities.isSuccess && ids.length > 0;
  const queries = {
    summary: useQuery({
      queryKey: reportKeys.networkSummary(slug, asOf),
      queryFn: () => reportsApi.networkSummary(slug, asOf),
      enabled: network.isSuccess,
    }),
    previous: useQuery({
      queryKey: reportKeys.networkSummary(slug, previousYear(asOf)),
      queryFn: () => reportsApi.networkSummary(slug, previousYear(asOf)),
      enabled: network.isSuccess,
    }),
    kpis: useQuery({
      queryKey: reportKeys.kpis(ids, asOf),
      queryFn: () => reportsApi.kpis(ids, asOf),
      enabled,
    }),
    series: useQuery({
      queryKey: reportKeys.series(ids, seriesStart(asOf), asOf),
      queryFn: () => reportsApi.series(ids, seriesStart(asOf), asOf),
      enabled,
    }),
    map: useQuery({
      queryKey: reportKeys.networkMap(slug, asOf),
      queryFn: () => reportsApi.networkMap(slug, asOf),
      enabled: network.isSuccess,
    }),
    byType: useQuery({
      queryKey: reportKeys.byType(slug, asOf),
      queryFn: () => reportsApi.interventionsByType(slug, asOf),
      enabled: network.isSuccess,
    }),
  };
  const all = [network, cities, ...Object.values(queries)];
  const failed = all.find((q) => q.isError);
  const ready =
    !failed &&
    network.isSuccess &&
    cities.isSuccess &&
    queries.summary.isSuccess &&
    queries.previous.isSuccess &&
    queries.byType.isSuccess &&
    queries.map.isSuccess &&
    (ids.length === 0 || (queries.kpis.isSuccess && queries.series.isSuccess));
  return {
    network: network.data,
    towns: visible,
    summary: queries.summary.data,
    previous: queries.previous.data,
    kpis: queries.kpis.data ?? [],
    series: queries.series.data,
    byType: queries.byType.data,
    map: queries.map.data,
    error: failed?.error ?? null,
    ready,
  };
}
