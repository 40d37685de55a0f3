import type { TFunction } from 'i18next';
import { formatNumber } from '../../lib/format';
import type { ImportSummary } from './api/imports-api';

/**
 * The summary's line for matched units whose position the file only rounds (fewer decimals than
 * stored): the stored position is kept, and the city manager should know why the file's coordinates
 * did not move them. Null when there are none (or the summary predates the count).
 */
export function roundedPositionsText(summary: ImportSummary, t: TFunction): string | null {
  const count: number | undefined = summary.roundedPositions;
  if (count === undefined || count === 0) return null;
  return t('import.summary.roundedPositions', { count, formatted: formatNumber(count) });
}
