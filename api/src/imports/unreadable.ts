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
  | 'workbook_too_large';

export const unreadable = (problem: UnreadableProblem, message: string, details: object = {}): DomainError =>
  new DomainError('VALIDATION_FAILED', message, { reason: 'unreadable_file', problem, ...details });
