import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../lib/format';
import { progressShare } from '../import-mapping';

/**
 * The commit's progress: an ARIA progressbar (aria-valuenow in percent, readable by assistive
 * technology and by the browser test) and a polite live text for screen readers.
 */
export function CommitProgress({ processed, rowCount }: { processed: number; rowCount: number }) {
  const { t } = useTranslation();
  const id = useId();
  const share = progressShare(processed, rowCount);
  const percent = Math.round(share * 100);
  return (
    <div className="import-progress" data-testid="commit-progress">
      <span id={id}>{t('import.commit.progressLabel')}</span>
      <div
        className="import-progress__bar"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={formatPercent(share, 0)}
      >
        <div className="import-progress__fill" style={{ width: `${percent}%` }} />
      </div>
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
