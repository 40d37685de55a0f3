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
