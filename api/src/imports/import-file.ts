import { parse } from 'csv-parse/sync';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../common/domain-error.js';
import { JobQueue } from '../common/job-queue.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../common/json-depth.js';
import {
  IMPORT_SRIDS,
  type ImportFormat,
  type ImportProblem,
  type ImportSrid,
  type ParsedTable,
} from './import.types.js';
import { decodeText, detectDelimiterOf } from './text-decoding.js';
import { titleDate } from './import-values.js';
import { todayIso } from '../common/validators.js';
import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  MAX_TITLE_ROWS,
  titleRowCount,
  tooManyColumns,
  tooManyRows,
  unreadable,
} from './unreadable.js';
import type { XlsxAnswer } from './xlsx-worker.js';
import { nameColumns } from './import-header.js';

/**
 * Records csv-parse reads at most: the header, the row limit and one more, which tells a file over the
 * limit (refused) without reading the rest of it.
 */
const MAX_CSV_RECORDS = MAX_IMPORT_ROWS + 2;

/** Which reader a file needs: by its name, else by its first bytes. */
export function detectFormat(bytes: Uint8Array, fileName: string | null): ImportFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx'; // ZIP container
  const head = decodeText(bytes.subarray(0, 200)).text.trimStart();
  return head.startsWith('{') ? 'geojson' : 'csv';
}

/** `xlsxTimeLimitMs`: how long a workbook may take to read (tests shorten it). */
export async function parseImportFile(
  bytes: Uint8Array,
  format: ImportFormat,
  { xlsxTimeLimitMs = XLSX_TIME_LIMIT_MS } = {},
): Promise<ParsedTable> {
  const table =
    format === 'csv'
      ? parseCsv(bytes)
      : format === 'xlsx'
        ? await XLSX_READERS.run(() => parseXlsx(bytes, xlsxTimeLimitMs), workbooksBusy)
        : parseGeoJson(bytes);
  if (table.headers.length === 0 || table.headers.every((h) => h === '')) {
    throw unreadable('no_header', 'The file has no header row. The first row must name the columns.');
  }
  if (table.rows.length === 0) throw unreadable('no_rows', 'The file has a header row but no data rows.');
  if (table.rows.length > MAX_IMPORT_ROWS) throw tooManyRows(table.rows.length);
  const nulAt = [table.headers, ...table.rows].findIndex((cells) => cells.some((c) => c.includes('\u0000')));
  if (nulAt >= 0) {
    const line = nulAt === 0 ? null : table.lines[nulAt - 1]!;
    throw unreadable(
      'nul_character',
      `The file contains a NUL character (${line === null ? 'header row' : `line ${line}`}), which text cannot hold: it is probably not a text file, or UTF-16 without a byte order mark. Save it again as “CSV UTF-8”.`,
      { line },
    );
  }
  if (table.headers.length > MAX_IMPORT_COLUMNS) throw tooManyColumns(table.headers.length);
  return table;
}

function parseCsv(bytes: Uint8Array): ParsedTable {
  const { text, encoding, bom } = decodeText(bytes);
  // Decided by the first lines together: a title line above the table may have another delimiter or none.
  const delimiter = detectDelimiterOf(text.split(/\r?\n/, MAX_TITLE_ROWS + 2));
  const records = readCsvRecords(text, delimiter);
  const titleRows = titleRowCount(records.map((r) => r.record));
  const title = records
    .slice(0, titleRows)
    .map((r) => r.record.join(' '))
    .join(' ');
  const [header, ...data] = records.slice(titleRows);
  const headers = (header?.record ?? []).map((h) => h.trim());
  const problems: ImportProblem[] = [];
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const { record, line } of data) {
    if (record.length !== headers.length && !trailingEmpty(record, headers.length)) {
      problems.push({
        line,
        column: null,
        value: record.join(delimiter),
        reason: `The row has ${record.length} cells but the header has ${headers.length}: columns are shifted (a delimiter inside a value without quotes?). Fix the row or skip it.`,
        code: 'CELL_COUNT',
        severity: 'error',
      });
    }
    rows.push(record);
    lines.push(line);
  }
  const listDate = titleDate(title, todayIso());
  const named = nameColumns({ headers, rows, lines, problems }, header?.line ?? 1);
  return { ...named, info: { format: 'csv', encoding, bom, delimiter, sheet: null, listDate } };
}

/**
 * The records of a CSV text with the line each ends on; empty lines and records of empty cells are
 * left out. Without a quotation mark, and with one kind of line break throughout, no record can span
 * lines, so the n-th record is on line n: csv-parse then reads without its per-record `info` (100,000
 * rows: ~0.5 s instead of ~1 s). (csv-parse takes the first line's break as the record delimiter and
 * reads another kind as part of a cell, while counting it as a line.)
 */
export function readCsvRecords(text: string, delimiter: string): { record: string[]; line: number }[] {
  const options = {
    delimiter,
    bom: true,
    relax_column_count: true,
    trim: true,
    to: MAX_CSV_RECORDS,
  } as const;
  try {
    // (at the record limit, empty lines may have counted: the reader below skips them and decides)
    if (!text.includes('"') && !mixedLineBreaks(text)) {
      const records: string[][] = parse(text, options);
      if (records.length < MAX_CSV_RECORDS) return nonEmptyRecords(records);
    }
    const records = parse(text, {
      ...options,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    if (records.length >= MAX_CSV_RECORDS) throw tooManyRows(null);
    return records.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const line = (error as { lines?: number }).lines;
    throw unreadable(
      'not_csv',
      `The file cannot be read as CSV${line ? ` (around line ${line})` : ''}: check for an unclosed quotation mark.`,
      { line: line ?? null },
    );
  }
}

/** The records with a non-empty cell, each on the line of its number (no record spans lines). */
function nonEmptyRecords(records: string[][]): { record: string[]; line: number }[] {
  const out: { record: string[]; line: number }[] = [];
  records.forEach((record, i) => {
    if (record.some((cell) => cell !== '')) out.push({ record, line: i + 1 });
  });
  return out;
}

/** Whether the text has more than one kind of line break (CRLF, LF, CR). */
const mixedLineBreaks = (text: string): boolean =>
  text.includes('\r\n') ? /\r(?!\n)|(?<!\r)\n/.test(text) : text.includes('\r') && text.includes('\n');

/** Extra empty cells at the end (a trailing delimiter) do not shift anything. */
const trailingEmpty = (record: string[], width: number): boolean =>
  record.length > width && record.slice(width).every((c) => c === '');

/**
 * An .xlsx is read in a worker thread of its own (xlsx-table.ts), with a memory limit and a time
 * limit; the API answers other requests meanwhile. Its rows are streamed and reading stops after the
 * row limit, but a small file can still unpack to much more than it holds: the shared strings are
 * read whole before the first row (a 254 KB workbook of 4 million rows, read whole, once held the
 * API's only thread for 20 s).
 */
export const XLSX_TIME_LIMIT_MS = 60_000;
const XLSX_MEMORY_MB = 1536;

/**
 * Workbooks read at once in this process (each worker may take XLSX_MEMORY_MB), and how many more may
 * wait for one of them; beyond that an upload is refused at once (429 `workbooks_busy`). Without it, a
 * handful of small, highly compressed workbooks uploaded together took that much memory each.
 */
export const XLSX_READERS = new JobQueue(2, 4);

const workbooksBusy = (): DomainError =>
  new DomainError(
    'TOO_MANY_REQUESTS',
    'Several Excel workbooks are being read right now. Please upload the file again in a minute.',
    { reason: 'workbooks_busy' },
  );

function parseXlsx(bytes: Uint8Array, timeLimitMs = XLSX_TIME_LIMIT_MS): Promise<ParsedTable> {
  const options = { workerData: { bytes }, resourceLimits: { maxOldGenerationSizeMb: XLSX_MEMORY_MB } };
  // From the build the worker is JavaScript; from the sources (tests) TypeScript, which the worker
  // first teaches itself to load (tsx's loader hooks).
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
          new URL('./xlsx-worker.ts', import.meta.url).href,
        )}); })`,
        { ...options, eval: true },
      )
    : new Worker(new URL('./xlsx-worker.js', import.meta.url), options);
  const tooLarge = (): DomainError =>
    unreadable(
      'workbook_too_large',
      `The workbook is too large to read (more than ${XLSX_MEMORY_MB} MB unpacked, or more than ${Math.round(timeLimitMs / 1000)} s). Save the sheet as CSV, or split it.`,
    );
  return new Promise<ParsedTable>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(tooLarge());
    }, timeLimitMs);
    worker.once('message', (answer: XlsxAnswer) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('table' in answer) resolve(answer.table);
      else if (answer.code) reject(new DomainError(answer.code, answer.message, answer.details));
      else reject(new Error(answer.message));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge() : error);
    });
  });
}

interface GeoJsonFeature {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** Features become rows: their properties as columns plus a `wkt` column with the point. */
function parseGeoJson(bytes: Uint8Array): ParsedTable {
  let doc: unknown;
  try {
    doc = JSON.parse(decodeText(bytes).text);
  } catch {
    throw unreadable('not_json', 'The file is not valid JSON/GeoJSON.');
  }
  // Reading the features recurses (JSON.stringify of a value, a point's coordinates as text): a feature,
  // property or coordinate nested thousands of levels deep overflowed the stack, a 500. GeoJSON nests
  // about eight levels (a MultiPolygon's positions); the request bodies' limit leaves ample room.
  if (nestedDeeperThan(doc, MAX_JSON_DEPTH)) {
    throw unreadable(
      'not_json',
      `The file nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep: it is not GeoJSON this import can read.`,
      { limit: MAX_JSON_DEPTH },
    );
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw unreadable('not_feature_collection', 'Expected a GeoJSON FeatureCollection.');
  }
  const srid = geoJsonSrid(doc.crs);
  const problems: ImportProblem[] = [];
  // A feature that is not an object, or whose properties or geometry are not objects, is reported on its line.
  const features = (doc.features as unknown[]).map((f, i): GeoJsonFeature => {
    const properties = isObject(f) ? (f.properties ?? null) : null;
    const geometry = isObject(f) ? (f.geometry ?? null) : null;
    if (
      !isObject(f) ||
      (properties !== null && !isObject(properties)) ||
      (geometry !== null && !isObject(geometry))
    ) {
      problems.push({
        line: i + 1,
        column: null,
        value: JSON.stringify(f)?.slice(0, 200) ?? '',
        reason: 'This feature is not a GeoJSON Feature (an object with "properties" and "geometry" objects).',
        code: 'INVALID_FEATURE',
        severity: 'error',
      });
      return {};
    }
    return f;
  });
  if (features.length > MAX_IMPORT_ROWS) throw tooManyRows(features.length);
  // A Set, and a stop at the column limit: every feature may bring keys of its own.
  const keys = new Set<string>();
  for (const f of features)
    for (const k of Object.keys(f.properties ?? {})) {
      if (k.toLowerCase() === 'wkt') continue;
      keys.add(k);
      if (keys.size >= MAX_IMPORT_COLUMNS) throw tooManyColumns(null);
    }
  const headers = [...keys, 'wkt'];
  const rows = features.map((f) => [
    ...headers.slice(0, -1).map((k) => propertyText(f.properties?.[k])),
    pointWkt(f.geometry, srid),
  ]);
  return {
    headers,
    rows,
    lines: features.map((_, i) => i + 1),
    problems,
    info: { format: 'geojson', encoding: 'utf-8', bom: false, delimiter: null, sheet: null },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A Point (or the first point of a MultiPoint) as WKT; other geometries as their type, reported later. */
/**
 * The coordinate system a GeoJSON file names in its `crs` member (RFC 7946 dropped it, but QGIS and
 * other GIS still write it for projected data): WGS 84 without one. ETRS89/UTM 32N and 33N are
 * transformed like easting/northing columns; any other system is refused by name rather than read as
 * degrees (every point of a UTM file was „not plausible“).
 */
export function geoJsonSrid(crs: unknown): ImportSrid {
  const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  if (typeof name !== 'string') return 4326;
  if (/CRS84$/i.test(name)) return 4326;
  const code = /EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(name)?.[1];
  const srid = Number(code);
  if ((IMPORT_SRIDS as readonly number[]).includes(srid)) return srid as ImportSrid;
  throw unreadable(
    'unsupported_crs',
    `The file's coordinate system ${name} is not supported: please export it in WGS 84 (EPSG:4326) or ETRS89/UTM 32N or 33N (EPSG:25832/25833).`,
    { crs: name },
  );
}

function pointWkt(geometry: GeoJsonFeature['geometry'], srid: ImportSrid): string {
  if (!geometry) return '';
  const c = geometry.coordinates;
  if (geometry.type === 'Point' && Array.isArray(c)) return `SRID=${srid};POINT(${c[0]} ${c[1]})`;
  if (geometry.type === 'MultiPoint' && Array.isArray(c) && Array.isArray(c[0])) {
    return `SRID=${srid};POINT(${c[0][0]} ${c[0][1]})`;
  }
  return typeof geometry.type === 'string' ? geometry.type.toUpperCase() : '';
}
