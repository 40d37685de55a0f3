import { isIsoDate } from '../../lib/dates';
import { OCCUPANCY_STATUSES, USE_CATEGORIES, type OccupancyStatus, type UseCategory } from '../../lib/domain';

/** The map, the list of units, or the openings and closures of the 12 months up to the date. */
export const DASHBOARD_VIEWS = ['map', 'list', 'changes'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

/** Everything a shared link reproduces: filters, date, view, heatmap and the opened storefront. */
export interface DashboardState {
  /** Stichtag; undefined = today. */
  asOf?: string;
  statuses: OccupancyStatus[];
  useCategories: UseCategory[];
  vacantForMonths?: number;
  hasIntervention?: boolean;
  view: DashboardView;
  heatmap: boolean;
  selected?: string;
  /** List sort, e.g. `street` or `-floorAreaM2`. */
  sort?: string;
}

export const EMPTY_STATE: DashboardState = { statuses: [], useCategories: [], view: 'map', heatmap: false };

/** The list's sort keys (the API's `sort` values, checked against api/openapi.json by a test). */
export const SORT_KEYS = [
  'street',
  'floorAreaM2',
  'statusSince',
  'status',
  'useCategory',
  'verifiedAt',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(allowed: readonly T[], raw: string | null): T[] {
  if (!raw) return [];
  const values = raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return allowed.filter((v) => values.includes(v));
}

/** Reads the state from the URL; anything unknown or malformed is dropped, never an error. */
export function parseDashboardState(search: string | URLSearchParams): DashboardState {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: DashboardState = {
    statuses: oneOf(OCCUPANCY_STATUSES, q.get('status')),
    useCategories: oneOf(USE_CATEGORIES, q.get('useCategory')),
    view: oneOf(DASHBOARD_VIEWS, q.get('view'))[0] ?? 'map',
    heatmap: q.get('heatmap') === '1',
  };
  const asOf = q.get('asOf');
  if (asOf && isIsoDate(asOf)) state.asOf = asOf;
  const months = q.get('vacantForMonths');
  if (months && /^\d{1,3}$/.test(months) && Number(months) > 0) state.vacantForMonths = Number(months);
  const hasIntervention = q.get('hasIntervention');
  if (hasIntervention === 'true' || hasIntervention === 'false')
    state.hasIntervention = hasIntervention === 'true';
  const selected = q.get('selected');
  if (selected && UUID.test(selected)) state.selected = selected;
  const sort = q.get('sort');
  if (sort && (SORT_KEYS as readonly string[]).includes(sort.replace(/^-/, ''))) state.sort = sort;
  return state;
}

/** Writes the state in a stable order, leaving defaults out, so equal views share one URL. */
export function serializeDashboardState(state: DashboardState): string {
  const q = new URLSearchParams();
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.statuses.length)
    q.set('status', OCCUPANCY_STATUSES.filter((s) => state.statuses.includes(s)).join(','));
  if (state.useCategories.length) {
    q.set('useCategory', USE_CATEGORIES.filter((c) => state.useCategories.includes(c)).join(','));
  }
  if (state.vacantForMonths !== undefined) q.set('vacantForMonths', String(state.vacantForMonths));
  if (state.hasIntervention !== undefined) q.set('hasIntervention', String(state.hasIntervention));
  if (state.view !== 'map') q.set('view', state.view);
  if (state.heatmap) q.set('heatmap', '1');
  if (state.sort) q.set('sort', state.sort);
  if (state.selected) q.set('selected', state.selected);
  return q.toString().replaceAll('%2C', ',');
}

export type ApiFilterParams = Record<string, string | number | boolean | undefined>;

/** The filter as query parameters of the list, summary and tile endpoints (all share one filter). */
export function toApiFilter(
  state: DashboardState,
  cityId: string | undefined,
  asOf: string,
): ApiFilterParams {
  return {
    cityId,
    asOf,
    status: state.statuses.length ? state.statuses.join(',') : undefined,
    useCategory: state.useCategories.length ? state.useCategories.join(',') : undefined,
    vacantForMonths: state.vacantForMonths,
    hasIntervention: state.hasIntervention,
  };
}

export function activeFilterCount(state: DashboardState): number {
  return (
    (state.statuses.length ? 1 : 0) +
    (state.useCategories.length ? 1 : 0) +
    (state.vacantForMonths !== undefined ? 1 : 0) +
    (state.hasIntervention !== undefined ? 1 : 0)
  );
}
