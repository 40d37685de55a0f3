import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { useSession } from '../../auth/hooks/use-session';
import { useNetworks } from '../../networks/hooks/use-networks';
import { useCities, useCity } from '../../towns/hooks/use-cities';
import { reportNetwork } from '../default-network';
import { reportKeys } from '../api/report-keys';
import { reportsApi } from '../api/reports-api';
import { previousYear, seriesStart } from '../report-format';

/**
 * Everything a town report shows, as of one date, each straight from its API endpoint. Access is
 * decided by the API: the interventions list answers 401/403 unless the caller reads the town, and the
 * report is for the town's readers (open data alone is not enough). The network median comes from
 * `requestedNetwork` when the town belongs to it, else from the default network (`reportNetwork`: the one
 * the comparison page opens on for this reader, among the town's).
 */
export function useTownReport(slug: string, asOf: string, requestedNetwork: string | null) {
  const city = useCity(slug);
  const id = city.data?.id ?? '';
  const enabled = id !== '';
  const interventions = useQuery({
    queryKey: reportKeys.interventions(id, asOf),
    queryFn: () => reportsApi.interventions(id, asOf),
    enabled,
  });
  const allowed = interventions.isSuccess;
  const networkSlugs = city.data?.networkSlugs ?? [];
  const session = useSession();
  const networks = useNetworks();
  // decided once the reader's networks are known, so that the median is not fetched for another first
  const towns = useCities();
  const standard =
    networks.data && session.data && towns.data
      ? reportNetwork(
          networkSlugs,
          networks.data,
          session.data.grants,
          new Set(towns.data.filter((c) => c.storefrontCount !== null).map((c) => c.id)),
        )
      : undefined;
  const network =
    requestedNetwork !== null && networkSlugs.includes(requestedNetwork) ? requestedNetwork : standard;
  // the network's towns the reader sees (as the network report): their series give the median line
  const members = useCities(network, { enabled: allowed && network !== undefined });
  const memberIds = (members.data ?? []).filter((c) => c.storefrontCount !== null).map((c) => c.id);
  const queries = {
    kpis: useQuery({
      queryKey: reportKeys.kpis([id], asOf),
      queryFn: () => reportsApi.kpis([id], asOf),
      enabled: allowed,
    }),
    previous: useQuery({
      queryKey: reportKeys.kpis([id], previousYear(asOf)),
      queryFn: () => reportsApi.kpis([id], previousYear(asOf)),
      enabled: allowed,
    }),
    series: useQuery({
      queryKey: reportKeys.series([id], seriesStart(asOf), asOf),
      queryFn: () => reportsApi.series([id], seriesStart(asOf), asOf),
      enabled: allowed,
    }),
    map: useQuery({
      queryKey: reportKeys.map(id, asOf),
      queryFn: () => reportsApi.map(id, asOf),
      enabled: allowed,
    }),
    longTerm: useQuery({
      queryKey: reportKeys.longTerm(id, asOf),
      queryFn: () => reportsApi.longTermVacancies(id, asOf),
      enabled: allowed,
    }),
    transitions: useQuery({
      queryKey: reportKeys.transitions(id, asOf),
      queryFn: () => reportsApi.transitions(id, asOf),
      enabled: allowed,
    }),
    networkSummary: useQuery({
      queryKey: reportKeys.networkSummary(network ?? '', asOf, id),
      queryFn: () => reportsApi.networkSummary(network!, asOf, id),
      enabled: allowed && network !== undefined,
    }),
    networkSeries: useQuery({
      queryKey: reportKeys.series(memberIds, seriesStart(asOf), asOf),
      queryFn: () => reportsApi.series(memberIds, seriesStart(asOf), asOf),
      enabled: allowed && network !== undefined && memberIds.length > 0,
    }),
  };
  const all = [city, session, networks, interventions, members, ...Object.values(queries)];
  const failed = all.find((q) => q.isError);
  const loading = all.some((q) => q.isPending && q.fetchStatus !== 'idle') || city.isPending;
  const done =
    !loading &&
    !failed &&
    Object.entries(queries).every(
      ([k, q]) =>
        q.isSuccess ||
        (k === 'networkSummary' && !network) ||
        (k === 'networkSeries' && (!network || (members.isSuccess && memberIds.length === 0))),
    );
  return {
    city: city.data,
    interventions: interventions.data,
    kpis: queries.kpis.data?.[0],
    previous: queries.previous.data?.[0],
    series: queries.series.data,
    map: queries.map.data,
    longTerm: queries.longTerm.data,
    transitions: queries.transitions.data,
    networkSummary: queries.networkSummary.data,
    /** The quarterly series of the network's towns the reader sees (undefined without a network). */
    networkSeries: network ? queries.networkSeries.data : undefined,
    /** The slug of the network compared with (undefined: the town belongs to none). */
    network,
    /** The network compared with when the reader chooses none (its address leaves it out). */
    defaultNetwork: standard,
    error: failed?.error ?? null,
    ready: done,
  };
}

export type TownReport = ReturnType<typeof useTownReport>;

/** The page's state for the error message and the `data-report-error` attribute. */
export function reportErrorCode(error: unknown): 'unauthenticated' | 'forbidden' | 'not-found' | 'failed' {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'unauthenticated';
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'not-found';
  }
  return 'failed';
}
