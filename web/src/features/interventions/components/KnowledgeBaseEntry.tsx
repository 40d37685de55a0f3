import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '../../../lib/domain';
import { formatDate, formatEuro } from '../../../lib/format';
import { interventionPeriod } from '../intervention-period';
import { outcomeText } from '../outcome';
import { OccupancyBeforeAfterView } from './OccupancyBeforeAfterView';

/** One intervention with its lessons learned; the unit's occupancy before/after loads when opened. */
export function KnowledgeBaseEntry({ intervention: i, town }: { intervention: Intervention; town: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const period = interventionPeriod(i, formatDate, t);
  return (
    <li className="card kb-entry" data-testid="kb-entry">
      <h3>{i.title}</h3>
      {i.isSynthetic && (
        <p className="badge" data-testid="kb-entry-synthetic">
          {t('kb.synthetic')}
        </p>
      )}
      <p className="hint">
        {town} · {t(`interventionType.${i.type}`)} · {t(`interventionState.${i.state}`)} · {period} ·{' '}
        {t('kb.cost')}: {formatEuro(i.budgetEur)} · {t('kb.outcome')}: {outcomeText(i, t)}
      </p>
      {i.lessonsLearned && (
        <p>
          <strong>{t('kb.lessons')}:</strong> {i.lessonsLearned}
        </p>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('kb.showOccupancy')}</summary>
        {open && <OccupancyBeforeAfterView interventionId={i.id} />}
      </details>
    </li>
  );
}
