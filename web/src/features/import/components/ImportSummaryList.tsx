import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { ImportSummary } from '../api/imports-api';

const KEYS = [
  'total',
  'created',
  'updated',
  'historyExtended',
  'unchanged',
  'rejected',
  'needsPlacing',
] as const;

/** The counts of a dry run or a commit. */
export function ImportSummaryList({ summary, testId }: { summary: ImportSummary; testId: string }) {
  const { t } = useTranslation();
  return (
    <dl className="import-summary" data-testid={testId}>
      {KEYS.map((key) => (
        <div key={key}>
          <dt>{t(`import.summary.${key}`)}</dt>
          <dd data-testid={`${testId}-${key}`}>{formatNumber(summary[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
