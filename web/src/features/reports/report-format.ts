import { monthsBetween, type IsoDate } from '../../lib/dates';
import { asShown, euroFractionDigits } from '../../lib/format';
import { median } from '../kpis/definitions';

/**
 * Formatting of the report's numbers. Values come from the API unchanged; this only decides how
 * they are written (German: 12,3 % · 1.234 · +1,2 Pp.), with the report's language passed in so the
 * printed report never depends on the browser's settings.
 */
export type ReportLang = 'de' | 'en';
export type KpiKind = 'share' | 'count' | 'days' | 'per1000';

const locale = (lang: ReportLang): string => (lang === 'en' ? 'en-GB' : 'de-DE');
const PER_1000_DIGITS = 2;
const SHARE: Intl.NumberFormatOptions = {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
};
export const DASH = '–';

export function formatKpi(kind: KpiKind, value: number | null | undefined, lang: ReportLang): string {
  if (value === null || value === undefined) return DASH;
  // a true minus sign (Intl writes a hyphen): „−8“ in a row beside the change column's „−10“
  return formatValue(kind, value, lang).replace('-', '−');
}

function formatValue(kind: KpiKind, value: number, lang: ReportLang): string {
  switch (kind) {
    case 'share': // always one decimal: „11,0 %“ beside „11,2 %“, not „11 %“
      return new Intl.NumberFormat(locale(lang), SHARE).format(value);
    case 'count':
    case 'days':
      return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(value);
    case 'per1000': // always two decimals, as the dashboard: „0,50“ beside „0,68“ (most towns 0,3 to 1,5)
      return new Intl.NumberFormat(locale(lang), {
        minimumFractionDigits: PER_1000_DIGITS,
        maximumFractionDigits: PER_1000_DIGITS,
      }).format(value);
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/** A class bound of a legend, as few digits as it has: „5 %“, „12,5 %“. */
export function formatShareBound(value: number | null, lang: ReportLang): string {
  if (value === null) return DASH;
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/**
 * A value as the report prints it, as a number (a share in percent): rounded exactly as formatKpi
 * rounds it, by the same formatter.
 */
function printed(kind: KpiKind, value: number): number {
  return asShown(
    value,
    kind === 'share' ? SHARE : { maximumFractionDigits: kind === 'per1000' ? PER_1000_DIGITS : 0 },
  );
}

/**
 * Change against the previous year: percentage points for shares (+1,2 Pp.), plain differences
 * otherwise (+3). The difference of the two values as printed, so that a councillor who subtracts
 * them gets the same (13,4 % and 10,1 % are +3,3 Pp., even when the unrounded difference is 3,24).
 * Null when either value is missing; "±0" when equal.
 */
export function formatChange(
  kind: KpiKind,
  now: number | null | undefined,
  before: number | null | undefined,
  lang: ReportLang,
): string {
  if (now === null || now === undefined || before === null || before === undefined) return DASH;
  const diff = printed(kind, now) - printed(kind, before);
  const digits = kind === 'share' ? 1 : kind === 'per1000' ? PER_1000_DIGITS : 0;
  const rounded = Number(diff.toFixed(digits));
  if (rounded === 0) return kind === 'share' ? `±0 ${ppUnit(lang)}` : '±0';
  const text = new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    signDisplay: 'always',
  })
    .format(rounded)
    .replace('-', '−'); // a true minus sign (Intl writes a hyphen), as the dashboard does
  return kind === 'share' ? `${text} ${ppUnit(lang)}` : text;
}

const ppUnit = (lang: ReportLang): string => (lang === 'en' ? 'pp' : 'Pp.');

export function formatReportDate(iso: IsoDate | null | undefined, lang: ReportLang): string {
  if (!iso) return DASH;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/**
 * Short date for tables: 01.03.2024 / 1 Mar 2024 (the month named in English: „01/03/2024“ is 3 January
 * to an American reader, and the English dashboard writes „1 Mar 2024“).
 */
export function formatShortDate(iso: IsoDate | null | undefined, lang: ReportLang): string {
  if (!iso) return DASH;
  const parts: Intl.DateTimeFormatOptions =
    lang === 'en' ? { day: 'numeric', month: 'short' } : { day: '2-digit', month: '2-digit' };
  return new Intl.DateTimeFormat(locale(lang), { ...parts, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

export function formatArea(m2: number | null, lang: ReportLang): string {
  if (m2 === null) return DASH;
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(m2)} m²`;
}

/** A recorded amount (a budget) or a sum of such: cents only when it has some (1.250,50 € · 12.500 €). */
export function formatEuro(value: number | null, lang: ReportLang): string {
  if (value === null) return DASH;
  const digits = euroFractionDigits(value);
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** An aggregate of amounts (a median cost per unit) to the whole euro. */
export function formatWholeEuro(value: number | null, lang: ReportLang): string {
  if (value === null) return DASH;
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(value);
}

/** The same calendar day one year earlier; 29 February becomes 28 February (as the KPI engine counts). */
export function previousYear(asOf: IsoDate): IsoDate {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First day of the vacancy chart: 1 January five years before the reference date's year. */
export function seriesStart(asOf: IsoDate, years = 5): IsoDate {
  return `${Number(asOf.slice(0, 4)) - years}-01-01`;
}

export interface ChartPoint {
  date: IsoDate;
  value: number | null;
}

/**
 * The chart's points: quarter ends up to the reference date (a quarter ending after it is left out:
 * its value would be taken on a later day) and the reference date itself from the snapshot.
 */
export function vacancyPoints(
  buckets: { end: IsoDate; vacancyRate: number | null }[],
  asOf: IsoDate,
  snapshot: number | null,
): ChartPoint[] {
  const points = buckets.filter((b) => b.end < asOf).map((b) => ({ date: b.end, value: b.vacancyRate }));
  return [...points, { date: asOf, value: snapshot }];
}

/**
 * The network's median vacancy rate beside the town's line: per quarter end before the date the median of
 * the member towns' rates (those with a value, as the network summary counts them), on the date itself
 * the summary's median — the figure the KPI sheet prints, so the line ends where the sheet says.
 */
export function medianVacancyPoints(
  towns: { buckets: { end: IsoDate; vacancyRate: number | null }[] }[],
  asOf: IsoDate,
  summaryMedian: number | null,
): ChartPoint[] {
  const ends = [...new Set(towns.flatMap((t) => t.buckets.map((b) => b.end)))]
    .filter((end) => end < asOf)
    .sort();
  const rateOn = (end: IsoDate) =>
    towns.map((t) => t.buckets.find((b) => b.end === end)?.vacancyRate ?? null);
  return [
    ...ends.map((end) => ({ date: end, value: median(rateOn(end)) })),
    { date: asOf, value: summaryMedian },
  ];
}

/** Whole months of vacancy on the reference date. */
export const vacantMonths = (since: IsoDate, asOf: IsoDate): number => monthsBetween(since, asOf);

/** A scale bar of a round length close to a fifth of the map's width (metres; town and network maps). */
export function scaleBarLength(mapWidthMetres: number): number {
  const steps = [20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 25000, 50000, 100000];
  const target = mapWidthMetres / 5;
  return steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best), steps[0]!);
}

export function formatMetres(metres: number, lang: ReportLang): string {
  return metres >= 1000
    ? `${new Intl.NumberFormat(locale(lang)).format(metres / 1000)} km`
    : `${new Intl.NumberFormat(locale(lang)).format(metres)} m`;
}

/** A chart's date axis: a quarter end as „Q2/2025“, any other date (the reference date) as a date. */
export const quarterLabel = (date: IsoDate, lang: ReportLang): string =>
  ['03-31', '06-30', '09-30', '12-31'].includes(date.slice(5))
    ? `Q${Math.ceil(Number(date.slice(5, 7)) / 3)}/${date.slice(0, 4)}`
    : formatShortDate(date, lang);
