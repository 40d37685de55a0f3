import { isApiError } from '../../lib/api-client';
import type { LineReport } from './api/footfall-api';

/**
 * The lines of a counter file refused as a whole because none could be stored (400 VALIDATION_FAILED,
 * `details.reason` no_valid_rows, `details.rejected`); empty for any other error. The form lists them
 * like a partly stored file's rejected lines.
 */
export function rejectedLinesOf(error: unknown): LineReport[] {
  if (!isApiError(error, 'VALIDATION_FAILED')) return [];
  const details = error.details as { reason?: unknown; rejected?: unknown } | undefined;
  if (details?.reason !== 'no_valid_rows' || !Array.isArray(details.rejected)) return [];
  return (details.rejected as unknown[]).filter(isLineReport);
}

const isLineReport = (value: unknown): value is LineReport => {
  const line = value as Partial<LineReport> | null;
  return (
    typeof line === 'object' &&
    line !== null &&
    typeof line.line === 'number' &&
    typeof line.text === 'string' &&
    typeof line.problem === 'string' &&
    typeof line.reason === 'string'
  );
};
