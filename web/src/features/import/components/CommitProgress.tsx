import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../lib/format';
import { progressShare } from '../import-mapping';

/** The commit's progress: a labelled bar and a polite live text for screen readers. */
export function CommitProgress({ processed, rowCount }: { processed: number; rowCount: number }) {
  const { t } = useTranslation();
  const id = useId();
  const share = progressShare(processed, rowCount);
  return (
    <div className="import-progress" data-testid="commit-progress">
      <label htmlFor={id}>{t('import.commit.progressLabel')}</label>
      <progress id={id} max={1} value={share}>
        {formatPercent(share, 0)}
      </progress>
      <p aria-live="polite" role="status">
        {t('import.commit.progressText', {
          processed: formatNumber(processed),
          total: formatNumber(rowCount),
          percent: formatPercent(share, 0),
        })}
      </p>
    </div>
  );
}
