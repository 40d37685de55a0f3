import { isIsoDate, todayIso } from '../../lib/dates';
import type { Network } from '../../lib/domain';
import type { Grant } from '../auth/api/auth-api';
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

/**
 * The network the page opens on when the address names none: the user's own — one they are a member
 * of, else one their town belongs to — and among several, the one with the most towns whose numbers
 * they see; for anonymous visitors the network with the most such towns. (Not simply the first by
 * name: a network with one town with data compares it with itself.)
 */
export function defaultNetwork(
  networks: readonly Network[],
  grants: readonly Grant[],
  visibleTownIds: ReadonlySet<string>,
): string | undefined {
  const seen = (n: Network): number => n.cityIds.filter((id) => visibleTownIds.has(id)).length;
  const ownTowns = new Set(grants.flatMap((g) => (g.cityId ? [g.cityId] : [])));
  const member = networks.filter((n) =>
    grants.some((g) => g.role === 'network_member' && g.networkId === n.id),
  );
  const ofOwnTown = networks.filter((n) => n.cityIds.some((id) => ownTowns.has(id)));
  const candidates = member.length ? member : ofOwnTown.length ? ofOwnTown : networks;
  return [...candidates].sort((a, b) => seen(b) - seen(a) || a.name.localeCompare(b.name, 'de'))[0]?.slug;
}

/** `myTown` in the address for „no town of mine“: the ranking and the charts mark none. */
export const NO_TOWN = 'none';

/**
 * „Meine Stadt“ when the address names none: the user's own town among those compared; none for readers
 * without a town of their own (network members, anonymous visitors) — marking the first town would single
 * out one town in every screenshot of the ranking shown at a network meeting.
 */
export function defaultMyTown(chosenIds: readonly string[], grants: readonly Grant[]): string | undefined {
  return grants.find((g) => g.cityId && chosenIds.includes(g.cityId))?.cityId ?? undefined;
}

/** The town compared with the others: the one the address names, none for NO_TOWN, else the default. */
export function myTownOf(
  state: Pick<BenchmarkState, 'myTown'>,
  chosenIds: readonly string[],
  grants: readonly Grant[],
): string | undefined {
  if (state.myTown === NO_TOWN) return undefined;
  if (state.myTown && chosenIds.includes(state.myTown)) return state.myTown;
  return defaultMyTown(chosenIds, grants);
}
