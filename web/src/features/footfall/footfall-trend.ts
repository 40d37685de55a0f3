import type { FootfallTrend } from './api/footfall-api';

/** One point of the combined chart: a week's footfall change or a month's vacancy rate (or both). */
export interface TrendPoint {
  /** UTC milliseconds of the day (numeric time axis). */
  time: number;
  day: string;
  footfallChange: number | null;
  vacancyRate: number | null;
}

const utc = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);

/**
 * Weeks (by their Monday) and months (by their first day) on one time axis, sorted. A week and a
 * month starting on the same day share a point; everything else has a null for the other series.
 */
export function trendPoints(trend: Pick<FootfallTrend, 'weeks' | 'vacancy'>): TrendPoint[] {
  const byDay = new Map<string, TrendPoint>();
  const at = (day: string): TrendPoint => {
    const key = day.slice(0, 10);
    let point = byDay.get(key);
    if (!point) {
      point = { time: utc(key), day: key, footfallChange: null, vacancyRate: null };
      byDay.set(key, point);
    }
    return point;
  };
  for (const w of trend.weeks) at(w.weekStart).footfallChange = w.yearOnYear;
  for (const m of trend.vacancy) at(m.month).vacancyRate = m.vacancyRate;
  return [...byDay.values()].sort((a, b) => a.time - b.time);
}

/** Whether there is anything to draw: at least one week with a year-on-year comparison. */
export function hasFootfallChange(trend: Pick<FootfallTrend, 'weeks'>): boolean {
  return trend.weeks.some((w) => w.yearOnYear !== null);
}

/**
 * Whether a line needs dots: with few values. A line through one value alone draws nothing (a single
 * week's change was only in the table), and a dozen are easier read point by point.
 */
export function needsDots(values: readonly (number | null)[]): boolean {
  return values.filter((v) => v !== null).length <= 12;
}

/** A name as a typo or other spacing leaves it: lower case, letters and digits only. */
const nameKey = (name: string): string => name.toLocaleLowerCase('de').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A stored counting location that `typed` names a little differently („Steinweg/Markt“ for
 * „Steinweg / Markt“), or null: uploading under the typed name would start a second counter.
 */
export function similarLocation(typed: string, known: readonly string[]): string | null {
  const key = nameKey(typed);
  if (!key || known.includes(typed.trim())) return null;
  return known.find((name) => nameKey(name) === key) ?? null;
}
