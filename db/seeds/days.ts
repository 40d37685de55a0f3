/** Calendar dates as whole UTC days since 1970-01-01: exact, time-zone free arithmetic for the demo data. */

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date: ${iso}`);
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Same day of month `months` later (clamped to the month's last day). */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / MS_PER_DAY);
}

/** First day of the month containing `day`. */
export function monthStart(day: Day): Day {
  const d = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_PER_DAY);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The first day on or after `day` that is the given weekday. */
export function nextWeekday(day: Day, weekday: number): Day {
  return day + ((weekday - weekdayOf(day) + 7) % 7);
}

/** `day` moved into the nearest of `months` (1–12) of its year, keeping the day of month (at most the 28th). */
export function intoMonths(day: Day, months: readonly number[]): Day {
  const d = new Date(day * MS_PER_DAY);
  const month = d.getUTCMonth() + 1;
  if (months.includes(month)) return day;
  const nearest = [...months].sort((a, b) => Math.abs(a - month) - Math.abs(b - month) || a - b)[0]!;
  return Math.round(Date.UTC(d.getUTCFullYear(), nearest - 1, Math.min(d.getUTCDate(), 28)) / MS_PER_DAY);
}
