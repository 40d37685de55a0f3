import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { ImportSummary } from '../api/imports-api';
import { roundedPositionsText } from '../summary-text';

const KEYS = [
  'total',
  'created',
  'updated',
  'historyExtended',
  'unchanged',
  'rejected',
  'needsPlacing',
] as const;

/** The counts of a dry run or a commit, and a line on positions the file only rounds. */
export function ImportSummaryList({ summary, testId }: { summary: ImportSummary; testId: string }) {
  const { t } = useTranslation();
  const rounded = roundedPositionsText(summary, t);
  return (
    <>
      <dl className="import-summary" data-testid={testId}>
        {KEYS.map((key) => (
          <div key={key}>
            <dt>{t(`import.summary.${key}`)}</dt>
            <dd data-testid={`${testId}-${key}`}>{formatNumber(summary[key])}</dd>
          </div>
        ))}
      </dl>
      {rounded && <p data-testid={`${testId}-roundedPositions`}>{rounded}</p>}
    </>
  );
}
