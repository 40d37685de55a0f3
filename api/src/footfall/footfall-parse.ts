import { DomainError } from '../common/domain-error.js';
import { vocabularyKey } from '../imports/import-vocabulary.js';
import { parseDate } from '../imports/import-values.js';
import { decodeLines, detectDelimiter } from '../imports/text-decoding.js';
import { MAX_TITLE_ROWS } from '../imports/unreadable.js';
import { berlinHourToUtc } from './berlin-time.js';
import type { LineProblem, LineReport } from './footfall.types.js';

export interface HourCount {
  line: number;
  hour: Date;
  count: number | null;
  flags: string[];
}

export interface CounterFile {
  counts: HourCount[];
  repaired: LineReport[];
  rejected: LineReport[];
  encodings: string[];
}

/** Where in a line the problem is: the column as the file's header names it, and the cell's value. */
interface Cell {
  column: string;
  value: string;
}

const report = (
  line: number,
  text: string,
  problem: LineProblem,
  params: Record<string, number>,
  reason: string,
  cell: Cell | null,
): LineReport => ({
  line,
  text,
  column: cell?.column ?? null,
  value: cell?.value ?? null,
  problem,
  params,
  reason,
});

/**
 * The first day a count is taken for real. Automatic pedestrian counting in shopping streets began
 * after 2000; an earlier date is a misread one (Excel’s zero date shows as 1900).
 */
export const EARLIEST_COUNT_DATE = '2000-01-01';

/** A spreadsheet's date of an empty cell: day 0 of 1900 (Excel) or 30.12.1899 (LibreOffice), in any notation. */
const EMPTY_SPREADSHEET_DATE = /^\s*(0{1,2}[./-]0?1[./-]1900|1900-01-00|30[./-]12[./-]1899|1899-12-30)\b/;

const TIMESTAMP = ['zeitstempel', 'datumuhrzeit', 'timestamp', 'datetime', 'zeitpunkt'];
const DATE = ['datum', 'date', 'tag'];
const TIME = ['uhrzeit', 'zeit', 'stunde', 'time', 'hour', 'von', 'zeitraum'];
const COUNT = [
  'summe',
  'gesamt',
  'anzahl',
  'passanten',
  'count',
  'total',
  'zaehlung',
  'fussgaenger',
  'personen',
];
const DIRECTIONS = [
  'richtung1',
  'richtung2',
  'in',
  'out',
  'rein',
  'raus',
  'links',
  'rechts',
  'eingang',
  'ausgang',
];
const OUTAGE = new Set(['', '-', 'stoerung', 'ausfall', 'na', 'nv', 'error', 'offline', 'keinedaten']);

/** Why a counter file cannot be read at all (`details.problem`, explained by the dashboard like the import's). */
type UnreadableCounterFile =
  'no_header' | 'no_rows' | 'no_time_column' | 'no_count_column' | 'two_count_columns' | 'nul_character';

const unreadable = (problem: UnreadableCounterFile, message: string, more: object = {}): DomainError =>
  new DomainError('VALIDATION_FAILED', message, { reason: 'unreadable_file', problem, ...more });

/**
 * A laser counter's hourly export: one row per hour, semicolon-separated, local time. Rows that
 * can be repaired unambiguously are repaired (and listed), others rejected (and listed); outages
 * are kept as hours without a count. Nothing is dropped silently. Hours before EARLIEST_COUNT_DATE or
 * after `now` are rejected. A file of which no line can be stored is refused with every line's problem
 * (`details.reason` no_valid_rows, `details.rejected`).
 */
export function parseCounterFile(bytes: Uint8Array, now: Date = new Date()): CounterFile {
  const { lines, encodings } = decodeLines(bytes);
  // UTF-16 (what Excel's „Unicode-Text“ writes) read byte by byte: every other character a NUL
  if (lines.some((l) => l.includes('\u0000')))
    throw unreadable(
      'nul_character',
      'The file contains NUL characters, which text cannot hold: it is probably UTF-16 (Excel’s „Unicode text“) or not a text file. Save it again as “CSV UTF-8”.',
    );
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex < 0) throw unreadable('no_header', 'The file is empty.');
  // The header is the first line naming a time column: title lines above it („Zählstelle Steinweg;;;“)
  // are skipped, as the storefront import skips them. Without one, the first line (and its error).
  const headerCells = (line: string) => line.split(detectDelimiter(line)).map((h) => h.replace(/^"|"$/g, ''));
  const namesTime = (line: string) =>
    headerCells(line)
      .map(vocabularyKey)
      .some((h) => TIMESTAMP.includes(h) || DATE.includes(h));
  const titled = lines.slice(firstIndex, firstIndex + MAX_TITLE_ROWS + 1).findIndex(namesTime);
  const headerIndex = titled >= 0 ? firstIndex + titled : firstIndex;
  const delimiter = detectDelimiter(lines[headerIndex]!);
  const names = headerCells(lines[headerIndex]!);
  const headers = names.map(vocabularyKey);
  const col = (words: string[]) => words.map((w) => headers.indexOf(w)).find((i) => i >= 0) ?? -1;
  const ts = col(TIMESTAMP);
  const date = col(DATE);
  const time = col(TIME);
  const counts = headers.map((h, i) => (COUNT.includes(h) ? i : -1)).filter((i) => i >= 0);
  const count = counts[0] ?? -1;
  const directions = headers.map((h, i) => (DIRECTIONS.includes(h) ? i : -1)).filter((i) => i >= 0);
  if (ts < 0 && (date < 0 || time < 0))
    throw unreadable(
      'no_time_column',
      'Expected a timestamp column (Zeitstempel) or date and time columns (Datum, Uhrzeit).',
    );
  if (count < 0 && directions.length === 0)
    throw unreadable(
      'no_count_column',
      'Expected a count column (Anzahl, Summe, Passanten) or direction columns (Richtung 1/2).',
    );
  // „Anzahl“ and „Gesamt“ side by side: which is the hour's count only the file's author knows
  if (counts.length > 1) {
    const columns = counts.map((k) => names[k]!.trim());
    throw unreadable(
      'two_count_columns',
      `Several columns could hold the count (${columns.join(', ')}): leave only the one to store in the file.`,
      { columns },
    );
  }
  /** The cells of these columns, as the file names and writes them ("Datum, Uhrzeit" = "30.03.2025, 02:00"). */
  const cellsOf = (cells: string[], columns: number[]): Cell => ({
    column: columns.map((k) => names[k]!.trim()).join(', '),
    value: columns.map((k) => cells[k]!).join(', '),
  });
  const hourColumns = ts >= 0 ? [ts] : [date, time];
  const countColumns = count >= 0 ? [count] : directions;

  const result: CounterFile = { counts: [], repaired: [], rejected: [], encodings: [...encodings] };
  const seen = new Map<number, number>();
  lines.slice(headerIndex + 1).forEach((text, i) => {
    const line = headerIndex + i + 2;
    if (text.trim() === '' || /^[;,\s]*$/.test(text)) return;
    let cells = text.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length === headers.length + 1) {
      const empty = cells.findIndex((c) => c === '');
      if (empty < 0)
        return void result.rejected.push(
          report(
            line,
            text,
            'shifted_columns',
            {},
            'One cell too many and none of them is empty: columns are shifted.',
            null,
          ),
        );
      cells = cells.filter((_, k) => k !== empty);
      result.repaired.push(
        report(
          line,
          text,
          'removed_empty_cell',
          { column: empty + 1 },
          `Removed an empty extra cell (column ${empty + 1}) that shifted the columns.`,
          null,
        ),
      );
    } else if (cells.length !== headers.length) {
      return void result.rejected.push(
        report(
          line,
          text,
          'cell_count',
          { cells: cells.length, headers: headers.length },
          `The row has ${cells.length} cells, the header ${headers.length}.`,
          null,
        ),
      );
    }
    const when: Timestamp =
      ts >= 0
        ? splitTimestamp(cells[ts]!)
        : { date: parseDate(cells[date]!), ...clockOf(cells[time]!), offsetMinutes: null };
    const hourCell = cellsOf(cells, hourColumns);
    // Excel's empty date („00.01.1900“, LibreOffice's „30.12.1899“) is no calendar day: say what it is
    const zeroDate = !when.date && EMPTY_SPREADSHEET_DATE.test(ts >= 0 ? cells[ts]! : cells[date]!);
    if (when.hour !== null && (zeroDate || (when.date && when.date < EARLIEST_COUNT_DATE)))
      return void result.rejected.push(
        report(
          line,
          text,
          'before_counting',
          { year: Number(EARLIEST_COUNT_DATE.slice(0, 4)) },
          `The date lies before ${EARLIEST_COUNT_DATE}, when there were no automatic pedestrian counters in shopping streets: a misread date (Excel’s zero date shows as 1900)?`,
          hourCell,
        ),
      );
    if (when.date && when.hour !== null && !when.onTheHour)
      return void result.rejected.push(
        report(
          line,
          text,
          'not_on_the_hour',
          {},
          'The time is not on the hour: a row counts one hour, from hh:00.',
          hourCell,
        ),
      );
    if (!when.date || when.hour === null)
      return void result.rejected.push(
        report(line, text, 'unreadable_hour', {}, 'Date or hour is not readable.', hourCell),
      );
    const instants =
      when.offsetMinutes === null
        ? berlinHourToUtc(when.date, when.hour)
        : [instantAt(when.date, when.hour, when.offsetMinutes)];
    if (instants.length === 0)
      return void result.rejected.push(
        report(
          line,
          text,
          'nonexistent_hour',
          {},
          'This hour does not exist (clock change to summer time).',
          hourCell,
        ),
      );
    if (instants[0]!.getTime() > now.getTime())
      return void result.rejected.push(
        report(line, text, 'future_hour', {}, 'The hour has not begun yet.', hourCell),
      );
    const earlier = instants[0]!.getTime();
    const hour = seen.has(earlier) && instants[1] ? instants[1] : instants[0]!;
    if (seen.has(hour.getTime())) {
      const first = seen.get(hour.getTime())!;
      return void result.rejected.push(
        report(
          line,
          text,
          'duplicate_hour',
          { line: first },
          `The hour appears already in line ${first}.`,
          hourCell,
        ),
      );
    }
    const counts = countColumns.map((k) => parseCount(cells[k]!));
    const value = sumOf(counts);
    if (value === 'invalid')
      return void result.rejected.push(
        report(
          line,
          text,
          'invalid_count',
          {},
          'The count is not a whole number ≥ 0.',
          cellsOf(cells, [countColumns[counts.indexOf('invalid')]!]),
        ),
      );
    if (value !== null && value > MAX_HOURLY_COUNT)
      return void result.rejected.push(
        report(
          line,
          text,
          'implausible_count',
          { max: MAX_HOURLY_COUNT },
          `The count is over ${MAX_HOURLY_COUNT.toLocaleString('en')} passers-by in one hour: not plausible.`,
          cellsOf(cells, countColumns),
        ),
      );
    seen.set(hour.getTime(), line);
    result.counts.push({
      line,
      hour,
      count: value,
      flags: value === null ? ['outage'] : instants.length === 2 ? ['dst_repeat'] : [],
    });
  });
  if (result.counts.length === 0 && result.rejected.length === 0)
    throw unreadable('no_rows', 'The file has a header but no rows.');
  if (result.counts.length === 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `None of the file’s ${result.rejected.length} rows can be stored: details.rejected lists each line with its column, value and reason.`,
      { reason: 'no_valid_rows', rejected: result.rejected, repaired: result.repaired },
    );
  return result;
}

/** A row's hour: the date, the hour it starts, and the time zone offset its timestamp states (else Berlin's). */
interface Timestamp {
  date: string | null;
  hour: number | null;
  /** False for a time with minutes or seconds („10:45“): a row counts a whole hour. */
  onTheHour: boolean;
  /** Minutes east of UTC when the timestamp says („Z“, „+01:00“); null: local time in Germany. */
  offsetMinutes: number | null;
}

/** "2025-03-30 08:00", "30.03.2025 08:00:00", "2025-03-30T06:00:00Z", "2025-03-30T08:00:00+02:00". */
function splitTimestamp(text: string): Timestamp {
  const m =
    /^(\S+?)[ T](\d{1,2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?(?:\s*uhr)?$/i.exec(
      text.trim(),
    );
  if (!m) return { date: null, hour: null, onTheHour: true, offsetMinutes: null };
  return { date: parseDate(m[1]!), ...clockOf(m[2]!), offsetMinutes: m[3] ? offsetOf(m[3]) : null };
}

/** "Z" → 0, "+02:00" / "+0200" / "+02" → 120, "-05:30" → -330. */
function offsetOf(text: string): number {
  if (/^z$/i.test(text)) return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
}

/** The instant a date and hour name at a stated offset from UTC. */
function instantAt(date: string, hour: number, offsetMinutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour) - offsetMinutes * 60_000);
}

/** "08:00", "8", "08:00-09:00", "08:00 - 09:00 Uhr": the hour it starts; "08:30" is read, but not on the hour. */
function clockOf(text: string): { hour: number | null; onTheHour: boolean } {
  const m =
    /^(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:[.,](\d+))?)?(?:\s*(?:-|–|bis)\s*\d{1,2}(?::\d{2})?)?(?:\s*uhr)?$/i.exec(
      text.trim(),
    );
  const hour = m ? Number(m[1]) : NaN;
  if (!m || hour > 23 || Number(m[2] ?? 0) > 59 || Number(m[3] ?? 0) > 59)
    return { hour: null, onTheHour: true };
  return { hour, onTheHour: [m[2], m[3], m[4]].every((part) => part === undefined || /^0+$/.test(part)) };
}

/**
 * 2.5 × the busiest German shopping streets (some 20,000 passers-by an hour at peak): a typo like
 * „99999“ is refused on its line rather than stored as the town's busiest hour ever.
 */
const MAX_HOURLY_COUNT = 50_000;

/** Counts: "1.234" (thousands), "" / "Störung" / "-" = outage (null). */
function parseCount(text: string): number | null | 'invalid' {
  if (OUTAGE.has(vocabularyKey(text)) && !/\d/.test(text)) return null;
  const plain = text.replace(/[.\s\u00a0](?=\d{3}\b)/g, '');
  return /^\d{1,9}$/.test(plain) ? Number(plain) : 'invalid';
}

function sumOf(values: (number | null | 'invalid')[]): number | null | 'invalid' {
  if (values.includes('invalid')) return 'invalid';
  if (values.includes(null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0);
}

/** Hours missing between the first and the last counted hour, as ranges. */
export function gapsOf(hours: Date[]): { from: string; to: string; hours: number }[] {
  const sorted = hours.map((h) => h.getTime()).sort((a, b) => a - b);
  const gaps: { from: string; to: string; hours: number }[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const missing = (sorted[i]! - sorted[i - 1]!) / 3_600_000 - 1;
    if (missing > 0) {
      gaps.push({
        from: new Date(sorted[i - 1]! + 3_600_000).toISOString(),
        to: new Date(sorted[i]!).toISOString(),
        hours: missing,
      });
    }
  }
  return gaps;
}
