import {
  IN_USE_STATUSES,
  type Floor,
  type OccupancyStatus,
  type UseCategory,
} from '../storefronts/storefront.types.js';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportProblem,
  type ImportRow,
  type ImportSrid,
  type ParsedTable,
  type ProblemCode,
  type ProblemParams,
} from './import.types.js';
import { vocabularyKey, suggestCategory, suggestStatus } from './import-vocabulary.js';
import {
  coordinateProblem,
  DATE_FORMS,
  germanDate,
  parseDate,
  parseDecimal,
  parseDegrees,
  finerDecimals,
  parseWktPoint,
  splitAddress,
  utmEasting,
} from './import-values.js';
import { NUMBER_RANGES } from '../storefronts/number-ranges.js';

const FLOOR_WORDS: Record<string, Floor> = {
  eg: 'ground',
  erdgeschoss: 'ground',
  ground: 'ground',
  parterre: 'ground',
  og: 'upper',
  '1og': 'upper',
  obergeschoss: 'upper',
  upper: 'upper',
  '1obergeschoss': 'upper',
  ug: 'basement',
  kg: 'basement',
  untergeschoss: 'basement',
  keller: 'basement',
  basement: 'basement',
};

const EMPTY = new Set(['', '-', '–', 'n/a', 'k.a.', 'k. a.']);

/** What the town tells about its rows. */
export interface TownContext {
  /**
   * The town's postcodes may begin with 0 (it lies in Saxony, or a stored unit's postcode does): a
   * four-digit postcode there is one whose zero Excel dropped.
   */
  postcodesWithZero: boolean;
}

/**
 * Applies the mapping to every row: typed rows for the database and every problem, row by row. A
 * four-digit postcode gets its leading zero back only where the town's postcodes begin with 0 (the
 * town's, or another postcode of the file); elsewhere „9974“ is a postcode missing a digit (99974),
 * not 09974 of another state, and is refused.
 */
export function mapRows(
  table: ParsedTable,
  mapping: ImportMapping,
  town: TownContext,
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const index = new Map(table.headers.map((h, i) => [h, i]));
  const padPostcodes =
    town.postcodesWithZero || fileHasZeroPostcode(table, index.get(mapping.columns.postcode ?? ''));
  // Per field its header and column, looked up once (not once per cell: 100,000 rows × 22 fields).
  const columns = IMPORT_FIELDS.map((field) => {
    const header = mapping.columns[field];
    return { header: header ?? null, at: header === undefined ? undefined : index.get(header) };
  });
  const fieldIndex = new Map(IMPORT_FIELDS.map((field, i) => [field, i]));
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [...table.problems];
  const brokenLines = new Set(table.problems.filter((p) => p.severity === 'error').map((p) => p.line));
  const words = wordCache(mapping);
  const addressColumns = (['referenceId', 'street', 'houseNumber', 'address'] as const).flatMap((field) => {
    const at = columns[fieldIndex.get(field)!]!.at;
    return at === undefined ? [] : [at];
  });
  table.rows.forEach((cells, i) => {
    const line = table.lines[i]!;
    if (brokenLines.has(line)) return;
    const total = totalRow(cells, addressColumns);
    if (total) {
      problems.push({
        line,
        column: table.headers[total.at] ?? null,
        value: total.word,
        code: 'TOTAL_ROW',
        severity: 'warning',
        reason: `A total row („${total.word}“), not a unit: left out.`,
      });
      return;
    }
    const rowProblems: ImportProblem[] = [];
    const seen: ({ raw: string; header: string | null } | undefined)[] = [];
    const row = mapRow(
      line,
      (field) => {
        const f = fieldIndex.get(field)!;
        const known = seen[f];
        if (known) return known;
        const { header, at } = columns[f]!;
        let raw = at === undefined ? '' : (cells[at] ?? '').trim();
        // Our own exports (and careful spreadsheets) put an apostrophe before = + - @ against formula injection.
        if (raw.charCodeAt(0) === 39) raw = raw.replace(/^'(?=[=+\-@])/, '');
        const cell = { raw: raw.length <= 5 && EMPTY.has(raw.toLowerCase()) ? '' : raw, header };
        seen[f] = cell;
        return cell;
      },
      mapping,
      words,
      rowProblems,
      padPostcodes,
    );
    problems.push(...rowProblems);
    if (!rowProblems.some((p) => p.severity === 'error')) rows.push(row);
  });
  return { rows, problems };
}

type Cell = (field: ImportField) => { raw: string; header: string | null };

/** Words a spreadsheet's total row begins with („Summe“, „Gesamt: 2.011 m²“, „Σ“). */
const TOTAL_WORD = /^(summe|gesamtsumme|gesamt|insgesamt|total|σ|∑)(?=$|[\s:.])/i;

/**
 * A total row at the foot of a list (`Summe | … | =SUM(H5:H21)`): its first value is a total word and
 * it names no unit — none of the reference id, street, house number and address columns
 * (`addressColumns`) has another value. Null for every other row.
 */
function totalRow(
  cells: readonly string[],
  addressColumns: readonly number[],
): { at: number; word: string } | null {
  const at = cells.findIndex((cell) => cell.trim() !== '');
  const word = at < 0 ? '' : cells[at]!.trim();
  if (!TOTAL_WORD.test(word)) return null;
  const namesUnit = addressColumns.some((c) => c !== at && (cells[c] ?? '').trim() !== '');
  return namesUnit ? null : { at, word };
}

/** A five-digit postcode beginning with 0 in the file's postcode column (`at`). */
function fileHasZeroPostcode(table: ParsedTable, at: number | undefined): boolean {
  if (at === undefined) return false;
  return table.rows.some((cells) => /^0\d{4}$/.test((cells[at] ?? '').trim()));
}

/**
 * What a status, use, date or floor word means, looked up once per distinct cell text: a list repeats
 * a handful of words and dates 100,000 times (each lookup normalises the word; each date is checked
 * against the calendar).
 */
interface WordCache {
  status: (raw: string) => OccupancyStatus | null;
  category: (raw: string) => UseCategory | null;
  date: (raw: string) => string | null;
  floor: (raw: string) => Floor | null;
}

function wordCache(mapping: ImportMapping): WordCache {
  const memo = <T>(fn: (raw: string) => T): ((raw: string) => T) => {
    const known = new Map<string, T>();
    return (raw) => {
      if (known.has(raw)) return known.get(raw)!;
      const value = fn(raw);
      if (known.size < 10_000) known.set(raw, value);
      return value;
    };
  };
  return {
    status: memo((raw) =>
      Object.hasOwn(mapping.statusValues, raw) ? mapping.statusValues[raw]! : suggestStatus(raw),
    ),
    category: memo((raw) =>
      Object.hasOwn(mapping.categoryValues, raw) ? mapping.categoryValues[raw]! : suggestCategory(raw),
    ),
    date: memo(parseDate),
    floor: memo((raw) => FLOOR_WORDS[vocabularyKey(raw)] ?? null),
  };
}

/** Records a problem of the row's cell in `field` (error unless a warning), with its particulars; null. */
type RowProblem = (
  field: ImportField,
  code: ProblemCode,
  reason: string,
  severity?: 'error' | 'warning',
  params?: ProblemParams,
) => null;

function mapRow(
  line: number,
  cell: Cell,
  mapping: ImportMapping,
  words: WordCache,
  problems: ImportProblem[],
  padPostcodes: boolean,
): ImportRow {
  const problem: RowProblem = (field, code, reason, severity = 'error', params) => {
    const { raw, header } = cell(field);
    const value = raw === '' ? null : raw;
    problems.push({ line, column: header, value, reason, code, severity, ...(params ? { params } : {}) });
    return null;
  };
  const text = (field: ImportField): string | null => cell(field).raw || null;
  const number = (field: keyof typeof NUMBER_RANGES): number | null => {
    const raw = cell(field).raw;
    if (raw === '') return null;
    const value = parseDecimal(raw, mapping.decimalSeparator);
    if (value === null)
      return problem(
        field,
        'INVALID_NUMBER',
        `Not a number (decimal ${mapping.decimalSeparator === ',' ? 'comma' : 'point'} expected).`,
        'error',
        { context: mapping.decimalSeparator === ',' ? 'decimalComma' : 'decimalPoint' },
      );
    const { min, max } = NUMBER_RANGES[field];
    if (value < min || value > max) {
      return problem(field, 'INVALID_NUMBER', `The value must be between ${min} and ${max}.`, 'error', {
        context: 'range',
        min: String(min),
        max: String(max),
      });
    }
    return value;
  };

  let street = text('street');
  let houseNumber = text('houseNumber');
  const address = text('address');
  if (address && !street) ({ street, houseNumber } = splitAddress(address));
  const referenceId = text('referenceId');
  if (!street && !referenceId)
    problem(
      mapping.columns.street ? 'street' : 'address',
      'MISSING_VALUE',
      'Street (or the town’s reference id) is missing.',
    );

  let postcode = text('postcode');
  if (postcode && /^\d{4}$/.test(postcode)) {
    if (padPostcodes)
      postcode = `0${postcode}`; // Excel dropped the leading zero (e.g. 07743)
    else
      postcode = problem(
        'postcode',
        'INVALID_VALUE',
        'A postcode has five digits. Excel drops a leading zero (01067), but this town’s postcodes do not begin with 0: write all five digits.',
        'error',
        { context: 'postcodeFourDigits' },
      );
  }
  if (postcode && !/^\d{5}$/.test(postcode))
    postcode = problem('postcode', 'INVALID_VALUE', 'A postcode has five digits.', 'error', {
      context: 'postcode',
    });

  const rawStatus = cell('status').raw;
  const status = rawStatus === '' ? null : words.status(rawStatus);
  if (rawStatus !== '' && !status)
    problem(
      'status',
      'UNKNOWN_STATUS',
      `Unknown status „${rawStatus}“: choose what it means in the value mapping.`,
    );
  const rawCategory = cell('useCategory').raw;
  let useCategory = rawCategory === '' ? null : words.category(rawCategory);
  if (rawCategory !== '' && !useCategory)
    problem(
      'useCategory',
      'UNKNOWN_CATEGORY',
      `Unknown use „${rawCategory}“: choose what it means in the value mapping.`,
    );
  if (useCategory && status && !IN_USE_STATUSES.includes(status)) {
    problem(
      'useCategory',
      'CATEGORY_WITHOUT_USE',
      `A use is only recorded while a unit is in use; ignored for status ${status}.`,
      'warning',
    );
    useCategory = null;
  }

  const rawSince = cell('statusSince').raw;
  const statusSince = rawSince === '' ? null : words.date(rawSince);
  if (rawSince !== '' && !statusSince)
    problem('statusSince', 'INVALID_DATE', `Not a date: write it as ${DATE_FORMS}.`);
  if (statusSince && statusSince > mapping.referenceDate)
    problem(
      'statusSince',
      'INVALID_DATE',
      `The date lies after the list’s reference date ${mapping.referenceDate}.`,
      'error',
      { context: 'afterReference', referenceDate: germanDate(mapping.referenceDate) },
    );

  const rawFloor = cell('floor').raw;
  const floor = rawFloor === '' ? null : words.floor(rawFloor);
  if (rawFloor !== '' && !floor)
    problem('floor', 'INVALID_VALUE', 'Floor must be EG/ground, OG/upper or UG/basement.', 'error', {
      context: 'floor',
    });

  const ownerEmail = text('ownerEmail');
  if (ownerEmail && !/^[^@\s]+@[^@\s]+$/.test(ownerEmail))
    problem('ownerEmail', 'INVALID_VALUE', 'Not an e-mail address.', 'error', { context: 'email' });

  return {
    line,
    referenceId,
    street,
    houseNumber,
    postcode,
    floorAreaM2: number('floorAreaM2'),
    frontageM: number('frontageM'),
    floor,
    status,
    useCategory,
    businessName: text('businessName'),
    statusSince,
    ...coordinates(cell, mapping, problem),
    notes: text('notes'),
    ownerName: text('ownerName'),
    ownerPhone: text('ownerPhone'),
    ownerEmail,
    askingRentEurMonth: number('askingRentEurMonth'),
  };
}

type Coordinates = Pick<ImportRow, 'x' | 'y' | 'srid' | 'coordinateDecimals'>;

function coordinates(cell: Cell, mapping: ImportMapping, problem: RowProblem): Coordinates {
  const none = { x: null, y: null, srid: null, coordinateDecimals: null };
  const num = (field: ImportField): number | null =>
    (field === 'lat' || field === 'lon' ? parseDegrees : parseDecimal)(
      cell(field).raw,
      mapping.decimalSeparator,
    );
  // decimals: how precise the file writes degrees (projected metres need none: see ImportRow)
  const check = (
    field: ImportField,
    x: number,
    y: number,
    srid: ImportSrid,
    decimals: number | null = null,
  ) => {
    const found = coordinateProblem(x, y, srid);
    if (!found) return { x, y, srid, coordinateDecimals: srid === 4326 ? decimals : null };
    return (problem(field, 'INVALID_COORDINATES', found.reason, 'error', { context: found.context }), none);
  };
  const pair = (a: ImportField, b: ImportField): [number, number] | null | undefined => {
    if (cell(a).raw === '' && cell(b).raw === '') return undefined;
    const [va, vb] = [num(a), num(b)];
    if (va === null || vb === null) {
      problem(va === null ? a : b, 'INVALID_COORDINATES', 'Both coordinates are needed, as numbers.');
      return null;
    }
    return [va, vb];
  };
  const lonLat = pair('lon', 'lat');
  if (lonLat)
    return check('lat', lonLat[0], lonLat[1], 4326, finerDecimals(cell('lon').raw, cell('lat').raw));
  const utm = pair('easting', 'northing');
  if (utm) {
    const { easting, srid } = utmEasting(utm[0], mapping.srid === 4326 ? 25832 : mapping.srid);
    return check('easting', easting, utm[1], srid);
  }
  if (lonLat === null || utm === null) return none;
  const wkt = cell('wkt').raw;
  if (wkt === '') return none;
  const point = parseWktPoint(wkt);
  if (!point)
    return (
      problem('wkt', 'INVALID_COORDINATES', 'Only points can be imported, e.g. POINT(10.45 51.21).'),
      none
    );
  const srid = (point.srid ?? mapping.srid) as ImportSrid;
  if (![4326, 25832, 25833].includes(srid)) {
    return (
      problem(
        'wkt',
        'INVALID_COORDINATES',
        `Coordinate system EPSG:${srid} is not supported (use 4326, 25832 or 25833).`,
      ),
      none
    );
  }
  return check('wkt', point.x, point.y, srid, point.decimals);
}
