import { isCalendarDate } from '../common/validators.js';
import type { ImportSrid } from './import.types.js';

/**
 * Cell values as towns write them. Every parser returns null for "not readable"; the caller turns
 * that into a problem for the row, never a guess.
 */

/** "1.234,5" / "85,5" (decimal comma) or "1,234.5" / "85.5" (decimal point). */
export function parseDecimal(raw: string, decimalSeparator: ',' | '.'): number | null {
  let text = raw.replace(/[\s\u00a0]/g, '').replace(/(m²|m2|qm|€|eur|m)$/i, '');
  if (text === '') return null;
  const thousands = decimalSeparator === ',' ? '.' : ',';
  if (text.includes(thousands)) {
    if (!new RegExp(`^-?\\d{1,3}(\\${thousands}\\d{3})+(\\${decimalSeparator}\\d+)?$`).test(text)) {
      // A file from an English Excel in a German list (or vice versa): one separator, not three digits after it.
      if (!text.includes(decimalSeparator) && new RegExp(`^-?\\d+\\${thousands}\\d+$`).test(text)) {
        text = text.replace(thousands, '.');
        const value = Number(text);
        return Number.isFinite(value) ? value : null;
      }
      return null;
    }
    text = text.split(thousands).join('');
  }
  if (decimalSeparator === ',') text = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * A latitude or longitude: degrees are never grouped in thousands, so a lone `.` or `,` is the decimal
 * mark whatever the mapping says. parseDecimal read „51.209“ in a decimal-comma list as 51209 (a
 * thousands group; „51.2098“ fell back to the decimal point), and refused the row as out of range.
 * Eastings and northings keep parseDecimal: their integer part has six or seven digits, which no
 * thousands group matches, and „619.510“ (metres grouped by Excel) is 619510.
 */
export function parseDegrees(raw: string, decimalSeparator: ',' | '.'): number | null {
  const text = raw.replace(/[\s\u00a0]/g, '');
  if (/^-?\d+[.,]\d+$/.test(text)) return Number(text.replace(',', '.'));
  return parseDecimal(raw, decimalSeparator);
}

/**
 * How many decimals a number has as written — „51,209“ and „51.209“ have 3, „51“ has 0 — which is how
 * precise the file's coordinate is (a list exported with three decimals is rounded to ≈ 70–110 m).
 * Null for anything else (grouped thousands, an exponent): then the value is taken as exact.
 */
export function decimalsAsWritten(raw: string): number | null {
  const m = /^[-+]?\d+(?:[.,](\d+))?$/.exec(raw.replace(/[\s\u00a0]/g, ''));
  return m ? (m[1]?.length ?? 0) : null;
}

/** The forms parseDate reads, as an unreadable date's message names them. */
export const DATE_FORMS =
  '01.03.2021, 1.3.21, 2021-03-01, 03/2021, März 2021 (Mrz. 2021, March 2021) or 2021';

/** Month names and their abbreviations, German and English (lower case, without the dot). */
const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['januar', 'jänner', 'jan', 'january'],
    ['februar', 'feb', 'febr', 'february'],
    ['märz', 'maerz', 'mrz', 'mär', 'mar', 'march'],
    ['april', 'apr'],
    ['mai', 'may'],
    ['juni', 'jun', 'june'],
    ['juli', 'jul', 'july'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt', 'oct', 'october'],
    ['november', 'nov'],
    ['dezember', 'dez', 'dec', 'december'],
  ].flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);

/** „März 2025“, „Feb. 2026“, „Mrz 25“, „1. März 2025“, „March 2025“: the day given, else the first. */
function monthNameDate(text: string): string | null {
  const m = /^(?:(\d{1,2})\.\s*)?(\p{L}+)\.?\s*(\d{4}|\d{2})$/u.exec(text);
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  if (!m || month === undefined) return null;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${year}-${String(month).padStart(2, '0')}-${(m[1] ?? '1').padStart(2, '0')}`;
}

/**
 * "01.03.2021", "1.3.21", "2021-03-01", "03/2021" or "3.2021" (first of the month), a month by name
 * ("März 2021", "Mrz. 2021", "March 2021": first of the month), "2021" (1 January).
 */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  const pad = (n: string): string => n.padStart(2, '0');
  const year = (y: string): string => (y.length === 2 ? `20${y}` : y);
  let iso: string | null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text))) iso = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(text)))
    iso = `${year(m[3]!)}-${pad(m[2]!)}-${pad(m[1]!)}`;
  else if ((m = /^(\d{1,2})[./](\d{4})$/.exec(text))) iso = `${m[2]}-${pad(m[1]!)}-01`;
  else if ((m = /^(\d{4})$/.exec(text))) iso = `${m[1]}-01-01`;
  else iso = monthNameDate(text);
  return iso && isCalendarDate(iso) ? iso : null; // (1900–2100: isCalendarDate's range)
}

/**
 * "POINT(10.45 51.21)", "POINT Z (…)" or EWKT "SRID=25832;POINT(…)". Only points are units on a map.
 * `decimals`: the finer of the two coordinates' decimals as written (decimalsAsWritten).
 */
export function parseWktPoint(
  raw: string,
): { x: number; y: number; srid: number | null; decimals: number | null } | null {
  const m =
    /^\s*(?:SRID=(\d+);)?\s*POINT\s*Z?\s*\(\s*(-?[\d.]+(?:e-?\d+)?)\s+(-?[\d.]+(?:e-?\d+)?)(?:\s+-?[\d.]+)?\s*\)\s*$/i.exec(
      raw,
    );
  if (!m) return null;
  const x = Number(m[2]);
  const y = Number(m[3]);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { x, y, srid: m[1] ? Number(m[1]) : null, decimals: finerDecimals(m[2]!, m[3]!) };
}

/**
 * The precision of a coordinate pair: the more decimals of the two as written. A spreadsheet drops
 * trailing zeros („51.2100“ → „51.21“), so the coarser one may only look coarse; a file rounded to
 * three decimals writes at most three in both. Null when either is not a plain decimal number.
 */
export function finerDecimals(a: string, b: string): number | null {
  const [da, db] = [decimalsAsWritten(a), decimalsAsWritten(b)];
  return da === null || db === null ? null : Math.max(da, db);
}

/**
 * A projected easting with the zone written in front (Gauss-Krüger habit: "32612345.6") is split
 * into zone and easting; otherwise the mapping's system applies.
 */
export function utmEasting(easting: number, srid: ImportSrid): { easting: number; srid: ImportSrid } {
  if (easting >= 32_000_000 && easting < 34_000_000) {
    return { easting: easting % 1_000_000, srid: easting < 33_000_000 ? 25832 : 25833 };
  }
  return { easting, srid };
}

/** Plausible coordinates for Germany in the given system (catches swapped columns and wrong systems). */
export function coordinateProblem(
  x: number,
  y: number,
  srid: ImportSrid,
): { reason: string; context: 'degrees' | 'swapped' | 'easting' | 'northing' } | null {
  if (srid === 4326) {
    if (x < -180 || x > 180 || y < -90 || y > 90)
      return { reason: 'Longitude must lie within −180…180 and latitude within −90…90.', context: 'degrees' };
    if (x > 45 && y < 20)
      return {
        reason: 'Latitude and longitude look swapped (Germany lies at about 47–55° N, 6–15° E).',
        context: 'swapped',
      };
    return null;
  }
  if (x < 100_000 || x > 900_000)
    return {
      reason: `An ETRS89/UTM easting (EPSG:${srid}) lies between 100000 and 900000 (without zone prefix).`,
      context: 'easting',
    };
  if (y < 5_000_000 || y > 6_200_000)
    return {
      reason: `An ETRS89/UTM northing (EPSG:${srid}) for Germany lies between 5000000 and 6200000.`,
      context: 'northing',
    };
  return null;
}

/**
 * The date a list's title line names as its date („Leerstandsliste Innenstadt, Stand 30.11.2026“,
 * „Stichtag: 1.12.2026“), ISO; null without one, or for one after `today` (a list states facts).
 */
export function titleDate(title: string, today: string): string | null {
  const m = /\b(?:stand|stichtag|datum|erhebung|vom)\b\D{0,6}(\d{1,2})\.(\d{1,2})\.(\d{4})/i.exec(title);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isCalendarDate(iso) && iso <= today ? iso : null;
}

/** `YYYY-MM-DD` as German lists write it: `DD.MM.YYYY`. */
export const germanDate = (iso: string): string =>
  `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** "Bahnhofstraße 12a" → street and house number; a street without number keeps an empty number. */
export function splitAddress(raw: string): { street: string; houseNumber: string } {
  const text = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/,\s*\d{5}.*$/, '');
  const m = /^(.*?\D)\s*(\d+\s*[a-zA-Z]?(?:\s*[-–/]\s*\d+\s*[a-zA-Z]?)?)$/.exec(text);
  return m
    ? { street: m[1]!.trim(), houseNumber: m[2]!.replace(/\s+/g, '') }
    : { street: text, houseNumber: '' };
}
