import type { KpiSeries, TownKpis } from './api/kpis-api';
import { kpiMeta, kpiValue, type BenchmarkKpi } from './definitions';

/** One point of the benchmark's time series: its label and each town's value. */
export interface SeriesPoint {
  /** A year (its 31 December), or the reference date itself for the last point. */
  label: string;
  /** The reference date is the last point (not a year end). */
  isAsOf: boolean;
  values: Map<string, number | null>;
}

/**
 * The yearly points up to the reference date: every year that ended before it (stock on 31 December),
 * then the reference date with the values the page's table shows. The API's last yearly bucket ends on
 * 31 December of the reference date's year — after the date, or in the future — so it is replaced by
 * the date itself, as the council report does.
 * Flows (openings, closures …) are counted per calendar year; the table's flows are the 12 months up
 * to the date, which would count half a year twice next to the year before: for a flow the series
 * ends with the last full year (or on the date itself when it is a 31 December).
 */
export function seriesPoints(
  series: KpiSeries,
  kpi: BenchmarkKpi,
  asOf: string,
  atAsOf: readonly TownKpis[],
  formatDate: (iso: string) => string,
): SeriesPoint[] {
  const flow = kpiMeta(kpi).flow;
  const ends = (series.towns[0]?.buckets ?? [])
    .map((b) => b.end)
    .filter((end) => (flow ? end <= asOf : end < asOf));
  const points: SeriesPoint[] = ends.map((end) => ({
    label: end.slice(0, 4),
    isAsOf: false,
    values: new Map(
      series.towns.map((town) => {
        const bucket = town.buckets.find((b) => b.end === end);
        return [town.cityId, bucket ? kpiValue(bucket, kpi) : null];
      }),
    ),
  }));
  if (flow) return points;
  const onDate = new Map(atAsOf.map((k) => [k.cityId, k]));
  points.push({
    label: formatDate(asOf),
    isAsOf: true,
    values: new Map(
      series.towns.map((town) => {
        const k = onDate.get(town.cityId);
        return [town.cityId, k ? kpiValue(k, kpi) : null];
      }),
    ),
  });
  return points;
}

/**
 * A point's label as the axis prints it: the year on the first line, as every other point has it, and
 * for the reference date its day and month below („07.12.2026“ → „2026“ over „07.12.“; English
 * „Dec 7, 2026“ → „2026“ over „Dec 7“). The axis measures the first line only, so the long date no
 * longer pushes the year before it off the axis.
 */
export function axisLabelLines(label: string): [string, string | null] {
  const match = /^(.*?)(\d{4})(.*)$/.exec(label);
  if (!match || label === match[2]) return [label, null];
  const rest = `${match[1]}${match[3]}`.replace(/[\s,/-]+$/, '').trim();
  return [match[2]!, rest || null];
}
