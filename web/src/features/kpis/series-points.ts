import type { KpiSeries, TownKpis } from './api/kpis-api';
import { kpiValue, type BenchmarkKpi } from './definitions';

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
 */
export function seriesPoints(
  series: KpiSeries,
  kpi: BenchmarkKpi,
  asOf: string,
  atAsOf: readonly TownKpis[],
  formatDate: (iso: string) => string,
): SeriesPoint[] {
  const ends = (series.towns[0]?.buckets ?? []).map((b) => b.end).filter((end) => end < asOf);
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
