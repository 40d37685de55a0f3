/** Calendar dates as the API speaks them: `YYYY-MM-DD`, no time zone. "Today" is today in Germany. */
export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/** The day in Germany of an instant (an ISO timestamp such as a visit's or an hour's). */
export function dayInGermany(instant: string): IsoDate {
  return todayIso(new Date(instant));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * The date the time slider shows for a year: 31 December, or today for the current year
 * (the future has no data).
 */
export function dateForYear(year: number, today: IsoDate = todayIso()): IsoDate {
  return year >= yearOf(today) ? today : `${year}-12-31`;
}

/** Whole months from `from` to `to` (negative when `to` is earlier), counting a month once its day is reached. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}

/** The years a time slider steps through, oldest first. */
export function yearRange(firstYear: number, today: IsoDate = todayIso()): number[] {
  const last = yearOf(today);
  const years: number[] = [];
  for (let y = Math.min(firstYear, last); y <= last; y += 1) years.push(y);
  return years;
}

/** Month arithmetic and the outcome-check rule are the API's own (framework-free modules). */
export { addMonths } from '../../../api/src/kpis/kpi-dates';
import { addDays } from '../../../api/src/kpis/kpi-dates';
export { outcomeCheckDueFrom } from '../../../api/src/interventions/intervention.types';

/**
 * The last quarter end on or before `today` (31.03., 30.06., 30.09., 31.12.): the date network meetings
 * compare on, where today falls in the middle of a quarter.
 */
export function lastQuarterEnd(today: IsoDate = todayIso()): IsoDate {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1; // today's, 1..4
  /** The last day of quarter q of `year`, 0..3 (0: 31 December of the year before). */
  const endOf = (q: number): IsoDate =>
    addDays(`${String(year).padStart(4, '0')}-${String(q * 3 + 1).padStart(2, '0')}-01`, -1);
  const thisEnd = quarter === 4 ? `${year}-12-31` : endOf(quarter);
  return thisEnd === today ? today : endOf(quarter - 1);
}
