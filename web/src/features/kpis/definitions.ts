import type { FlowKpis, StockKpis } from './api/kpis-api';

/**
 * The KPIs the benchmark shows, in docs/kpis.md order. Labels and definitions (copied from
 * docs/kpis.md, version below) are in the locale files under `kpi.<key>`.
 * When docs/kpis.md changes its version, update the texts and this constant.
 */
export const KPI_DEFINITIONS_VERSION = 'kpi-v2';

export type KpiUnit = 'count' | 'fraction' | 'days' | 'per1000' | 'signedCount';

export const BENCHMARK_KPIS = [
  { key: 'units', unit: 'count', flow: false },
  { key: 'vacancyRate', unit: 'fraction', flow: false },
  { key: 'notInUseRate', unit: 'fraction', flow: false },
  { key: 'vacancyRateByArea', unit: 'fraction', flow: false },
  { key: 'longTermVacancyShare', unit: 'fraction', flow: false },
  { key: 'medianVacancyDays', unit: 'days', flow: false },
  { key: 'temporaryUseShare', unit: 'fraction', flow: false },
  { key: 'vacantPer1000Inhabitants', unit: 'per1000', flow: false },
  { key: 'dataFreshness', unit: 'fraction', flow: false },
  { key: 'interventionConversionRate', unit: 'fraction', flow: false },
  { key: 'openings', unit: 'count', flow: true },
  { key: 'closures', unit: 'count', flow: true },
  { key: 'netChange', unit: 'signedCount', flow: true },
  { key: 'medianReLettingDays', unit: 'days', flow: true },
] as const satisfies readonly { key: string; unit: KpiUnit; flow: boolean }[];

export type BenchmarkKpi = (typeof BENCHMARK_KPIS)[number]['key'];

/** Further definitions shown in the definitions dialog (not charted). */
export const OTHER_DEFINED_KPIS = ['vacantUnits', 'areaCoverage', 'useMix', 'reLettings'] as const;

export const kpiMeta = (key: BenchmarkKpi) => BENCHMARK_KPIS.find((k) => k.key === key)!;

/** The KPI's value in a snapshot or series bucket (flows are nested). */
export function kpiValue(source: StockKpis & { flows: FlowKpis }, key: BenchmarkKpi): number | null {
  const from = (kpiMeta(key).flow ? source.flows : source) as unknown as Record<string, unknown>;
  const value = from[key];
  return typeof value === 'number' ? value : null;
}

/** Median with linear interpolation, as PostgreSQL's percentile_cont(0.5); nulls left out. */
export function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = (v.length - 1) / 2;
  const lo = Math.floor(mid);
  const hi = Math.ceil(mid);
  return v[lo]! + (v[hi]! - v[lo]!) * (mid - lo);
}
