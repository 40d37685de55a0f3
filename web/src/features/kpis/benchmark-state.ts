import { isIsoDate, todayIso } from '../../lib/dates';
import { BENCHMARK_KPIS, type BenchmarkKpi } from './definitions';

/** The benchmark's selection, kept in the URL so a comparison can be shared. */
export interface BenchmarkState {
  /** Network slug; undefined = own selection of towns. */
  network: string | undefined;
  towns: string[];
  asOf: string;
  kpi: BenchmarkKpi;
  myTown: string | undefined;
}

const isKpi = (v: string | null): v is BenchmarkKpi => BENCHMARK_KPIS.some((k) => k.key === v);

export function parseBenchmarkState(
  search: string,
  defaultNetwork: string | undefined,
  today = todayIso(),
): BenchmarkState {
  const p = new URLSearchParams(search);
  const asOf = p.get('asOf');
  const kpi = p.get('kpi');
  const custom = p.get('network') === '' || p.has('towns');
  return {
    network: custom ? undefined : (p.get('network') ?? defaultNetwork),
    towns: (p.get('towns') ?? '').split(',').filter(Boolean),
    asOf: asOf && isIsoDate(asOf) ? asOf : today,
    kpi: isKpi(kpi) ? kpi : 'vacancyRate',
    myTown: p.get('myTown') ?? undefined,
  };
}

export function benchmarkSearch(state: BenchmarkState, today = todayIso()): string {
  const p = new URLSearchParams();
  if (state.network !== undefined) p.set('network', state.network);
  else p.set('towns', state.towns.join(','));
  if (state.asOf !== today) p.set('asOf', state.asOf);
  if (state.kpi !== 'vacancyRate') p.set('kpi', state.kpi);
  if (state.myTown) p.set('myTown', state.myTown);
  return p.toString();
}
