import { DomainError } from '../common/domain-error.js';

/**
 * Why a file cannot be imported: `details.problem` names it for the dashboard's own sentence, with
 * its particulars (`line`, `count`, `limit`); the message says it in English for other clients.
 */
export type UnreadableProblem =
  | 'no_header'
  | 'no_rows'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'nul_character'
  | 'not_csv'
  | 'not_xlsx'
  | 'no_sheet'
  | 'not_json'
  | 'not_feature_collection'
  | 'unsupported_crs'
  | 'workbook_too_large';

export const unreadable = (problem: UnreadableProblem, message: string, details: object = {}): DomainError =>
  new DomainError('VALIDATION_FAILED', message, { reason: 'unreadable_file', problem, ...details });

/** At most this many data rows, and header columns, are imported from one file (any format). */
export const MAX_IMPORT_ROWS = 200_000;
export const MAX_IMPORT_COLUMNS = 80;

/** `count` null: the reader stopped after the limit (the file has more, it was not read to the end). */
export const tooManyRows = (count: number | null, limit = MAX_IMPORT_ROWS): DomainError =>
  unreadable(
    'too_many_rows',
    `The file has ${count ?? `more than ${limit}`} rows; at most ${limit} can be imported at once.`,
    { count, limit },
  );

export const tooManyColumns = (count: number | null, limit = MAX_IMPORT_COLUMNS): DomainError =>
  unreadable(
    'too_many_columns',
    `The file has ${count ?? `more than ${limit}`} columns; at most ${limit} are supported.`,
    { count, limit },
  );

/** At most this many title lines above a table's header are passed over (see titleRowCount). */
export const MAX_TITLE_ROWS = 10;

/**
 * How many of a table's first rows are a title above it, not its header: lists from town halls often
 * start with „Leerstandsliste Innenstadt, Stand 01.12.2026“ and a blank line. A title has at most one
 * value; the header names at least two columns (no list can be imported with one). Where none of the
 * first rows has two values, the first row is the header, as before.
 */
export function titleRowCount(rows: readonly (readonly string[])[]): number {
  const limit = Math.min(rows.length, MAX_TITLE_ROWS + 1);
  for (let i = 0; i < limit; i++) if (namesColumns(rows[i]!)) return i;
  return 0;
}

/** A row with two values or more: it can be a header (a title line has one). */
export const namesColumns = (cells: readonly string[]): boolean =>
  cells.filter((cell) => cell.trim() !== '').length >= 2;
