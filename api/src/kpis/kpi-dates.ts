/**
 * Calendar arithmetic on `YYYY-MM-DD` strings with PostgreSQL's semantics, so the reference
 * formulas and the SQL agree to the day (docs/kpis.md, "age in months").
 */

const MS_PER_DAY = 86_400_000;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `(date + interval 'n months')::date`: the day is clamped to the target month's end. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether `date` is the last day of its month (the dates kpi_vacancy_months answers for). */
export const isMonthEnd = (date: string): boolean => addDays(date, 1).endsWith('-01');

/** `to − from` in calendar days. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

const berlin = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A timestamp's calendar date in Europe/Berlin (`(ts AT TIME ZONE 'Europe/Berlin')::date`). */
export const berlinDate = (timestamp: string | Date): string => berlin.format(new Date(timestamp));

/**
 * PostgreSQL `percentile_cont(fraction) WITHIN GROUP (ORDER BY x)`: linear interpolation between the
 * two nearest ranks; null for no values.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const first = sorted[lower]!;
  if (lower === upper) return first;
  return first + (sorted[upper]! - first) * (position - lower);
}

export const median = (values: readonly number[]): number | null => percentileCont(values, 0.5);
