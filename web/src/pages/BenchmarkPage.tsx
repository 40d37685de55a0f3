import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/use-session';
import {
  benchmarkSearch,
  myTownOf,
  defaultNetwork,
  parseBenchmarkState,
  type BenchmarkState,
} from '../features/kpis/benchmark-state';
import { BenchmarkSelection } from '../features/kpis/components/BenchmarkSelection';
import { KpiTable } from '../features/kpis/components/KpiTable';
import { RankedBarChart } from '../features/kpis/components/RankedBarChart';
import { SeriesChart } from '../features/kpis/components/SeriesChart';
import { TownVsNetworkCards } from '../features/kpis/components/TownVsNetworkCards';
import { SyntheticTownsNotice } from '../features/towns/components/SyntheticTownsNotice';
import { VacancyPopulationScatter } from '../features/kpis/components/VacancyPopulationScatter';
import { kpiValue, median, type BenchmarkKpi } from '../features/kpis/definitions';
import { kpiCases } from '../features/kpis/kpi-format';
import { useKpiSeries } from '../features/kpis/hooks/use-kpi-series';
import { useNetworkSummary } from '../features/kpis/hooks/use-network-summary';
import { useTownKpis } from '../features/kpis/hooks/use-town-kpis';
import { useNetworks } from '../features/networks/hooks/use-networks';
import { useCities } from '../features/towns/hooks/use-cities';
import { formatDate } from '../lib/format';
import { useSearch, useSetSearch } from '../router/router';
import { LoadError, Loading } from '../ui/Status';

/** The same day one year earlier (29 Feb → 28 Feb). */
function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** /vergleich: towns of a network (or any set) compared on every KPI, on a date and over the years. */
export default function BenchmarkPage() {
  const { t } = useTranslation();
  const networks = useNetworks();
  const allCities = useCities();
  const search = useSearch();
  const setSearch = useSetSearch();
  const session = useSession();
  const grants = useMemo(() => session.data?.grants ?? [], [session.data]);
  const readable = useMemo(
    () => (allCities.data ?? []).filter((c) => c.storefrontCount !== null),
    [allCities.data],
  );
  const ownNetwork = useMemo(
    () => defaultNetwork(networks.data ?? [], grants, new Set(readable.map((c) => c.id))),
    [networks.data, grants, readable],
  );
  const state = useMemo(() => parseBenchmarkState(search, ownNetwork), [search, ownNetwork]);
  const update = useCallback(
    (patch: Partial<BenchmarkState>) => setSearch(benchmarkSearch({ ...state, ...patch })),
    [setSearch, state],
  );
  const network = networks.data?.find((n) => n.slug === state.network);
  const chosen = useMemo(
    () => readable.filter((c) => (network ? network.cityIds.includes(c.id) : state.towns.includes(c.id))),
    [readable, network, state.towns],
  );
  const ids = useMemo(() => chosen.map((c) => c.id), [chosen]);
  const names = useMemo(() => new Map(chosen.map((c) => [c.id, c.name])), [chosen]);
  const synthetic = useMemo(() => new Set(chosen.filter((c) => c.isSynthetic).map((c) => c.id)), [chosen]);
  const myTownId = myTownOf(state, ids, grants);
  const myTown = chosen.find((c) => c.id === myTownId);
  const kpis = useTownKpis(ids, state.asOf);
  const previous = useTownKpis(myTown ? [myTown.id] : [], yearBefore(state.asOf));
  const summary = useNetworkSummary(network?.slug, state.asOf);
  const firstYear = Number(state.asOf.slice(0, 4)) - 9;
  const series = useKpiSeries(ids, `${firstYear}-01-01`, state.asOf, 'year');

  const medianOf = useCallback(
    (kpi: BenchmarkKpi): number | null =>
      network && summary.data
        ? (summary.data.kpis[kpi]?.median ?? null)
        : median((kpis.data ?? []).map((k) => kpiValue(k, kpi))),
    [network, summary.data, kpis.data],
  );

  if (networks.isPending || allCities.isPending || session.isPending) return <Loading />;
  if (networks.error) return <LoadError error={networks.error} />;
  if (allCities.error) return <LoadError error={allCities.error} />;
  const date = formatDate(state.asOf);
  const medianLabel = network ? t('benchmark.networkMedian') : t('benchmark.selectionMedian');
  const now = kpis.data?.find((k) => k.cityId === myTown?.id);
  return (
    <div className="benchmark">
      <h1>{t('benchmark.title')}</h1>
      <BenchmarkSelection
        state={{ ...state, myTown: myTown?.id }}
        onChange={update}
        networks={networks.data}
        cities={readable}
        chosen={chosen}
      />
      <SyntheticTownsNotice towns={chosen} />
      {ids.length === 0 && <p role="status">{t('benchmark.noTowns')}</p>}
      {kpis.error && <LoadError error={kpis.error} onRetry={() => void kpis.refetch()} />}
      {kpis.isPending && ids.length > 0 && <Loading />}
      {kpis.data && ids.length > 0 && (
        <>
          {!myTown && (
            <p className="hint" data-testid="no-my-town">
              {t('benchmark.pickMyTown')}
            </p>
          )}
          {myTown && now && (
            <TownVsNetworkCards
              town={myTown.name}
              now={now}
              previousYear={previous.data?.[0]}
              medianOf={medianOf}
              isNetwork={Boolean(network)}
              medianLabel={medianLabel}
            />
          )}
          <div className="benchmark__charts">
            <RankedBarChart
              kpi={state.kpi}
              rows={kpis.data.map((k) => ({
                town: names.get(k.cityId) ?? k.cityId,
                value: kpiValue(k, state.kpi),
                cases: kpiCases(t, state.kpi, k),
              }))}
              median={medianOf(state.kpi)}
              medianLabel={medianLabel}
              date={date}
              mine={myTown ? names.get(myTown.id) : undefined}
            />
            {series.error ? (
              <LoadError error={series.error} onRetry={() => void series.refetch()} />
            ) : series.data ? (
              <SeriesChart
                kpi={state.kpi}
                series={series.data}
                names={names}
                asOf={state.asOf}
                atAsOf={kpis.data}
              />
            ) : (
              <Loading />
            )}
            <VacancyPopulationScatter
              mine={myTown ? names.get(myTown.id) : undefined}
              points={kpis.data.flatMap((k) =>
                k.population !== null && k.vacancyRate !== null
                  ? [
                      {
                        town: names.get(k.cityId) ?? k.cityId,
                        population: k.population,
                        vacancyRate: k.vacancyRate,
                      },
                    ]
                  : [],
              )}
            />
          </div>
          <KpiTable kpis={kpis.data} names={names} synthetic={synthetic} asOf={state.asOf} />
        </>
      )}
    </div>
  );
}
