import { addDays, addMonths } from './kpi-dates.js';
import type { SeriesInterval } from './kpi.types.js';

export interface Bucket {
  /** First day. */
  start: string;
  /** Last day: stock KPIs are taken here. */
  end: string;
}

const MONTHS: Record<SeriesInterval, number> = { month: 1, quarter: 3, year: 12 };

/** First day of the calendar month, quarter or year containing `date`. */
export function bucketStartOf(date: string, interval: SeriesInterval): string {
  const month = Number(date.slice(5, 7));
  const first =
    interval === 'month' ? month : interval === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/**
 * Whole calendar buckets from the one containing `from` to the one containing `to`; stops after
 * `limit + 1` buckets so a caller can refuse an oversized range without building it.
 */
export function bucketsBetween(from: string, to: string, interval: SeriesInterval, limit: number): Bucket[] {
  const buckets: Bucket[] = [];
  let start = bucketStartOf(from, interval);
  while (start <= to && buckets.length <= limit) {
    const next = addMonths(start, MONTHS[interval]);
    buckets.push({ start, end: addDays(next, -1) });
    start = next;
  }
  return buckets;
}

/** Bucket starts followed by the day after the last bucket: the bounds flows are bucketed by. */
export const flowBounds = (buckets: readonly Bucket[]): string[] => [
  ...buckets.map((b) => b.start),
  addDays(buckets[buckets.length - 1]!.end, 1),
];
