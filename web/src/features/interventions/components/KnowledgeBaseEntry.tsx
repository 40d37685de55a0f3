import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORDED_TEXT_LANG, type Intervention } from '../../../lib/domain';
import { formatDate, formatEuro } from '../../../lib/format';
import { interventionPeriod } from '../intervention-period';
import { checkSummary, outcomeText } from '../outcome';
import { obstaclesText } from '../obstacles';
import { OccupancyBeforeAfterView } from './OccupancyBeforeAfterView';
import { PastEndNotice } from './PastEndNotice';

/** One intervention with its lessons learned; the unit's occupancy before/after loads when opened. */
export function KnowledgeBaseEntry({
  intervention: i,
  town,
  canEdit,
}: {
  intervention: Intervention;
  town: string;
  /** The reader edits the intervention's town (and is asked to update it once its end has passed). */
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const period = interventionPeriod(i, formatDate, t);
  return (
    <li className="card kb-entry" data-testid="kb-entry">
      <h3 lang={RECORDED_TEXT_LANG}>{i.title}</h3>
      {i.isSynthetic && (
        <p className="badge" data-testid="kb-entry-synthetic">
          {t('kb.synthetic')}
        </p>
      )}
      <p className="hint">
        {town} · {t(`interventionType.${i.type}`)} · {t(`interventionState.${i.state}`)} · {period} ·{' '}
        {t('kb.cost')}: {formatEuro(i.budgetEur)} · {t('kb.outcome')}:{' '}
        <span data-testid="kb-entry-outcome">{outcomeText(i, t, formatDate)}</span>
      </p>
      <PastEndNotice intervention={i} canEdit={canEdit} />
      {i.outcomeChecks.length > 0 && (
        // what the outcome rests on, as recorded: the answers and the note of every check
        <ul className="kb-checks" aria-label={t('kb.check.heading')} data-testid="kb-entry-checks">
          {i.outcomeChecks.map((c) => (
            <li key={c.monthsAfterEnd}>
              {checkSummary(c, t, formatDate)}
              {c.note && <q lang={RECORDED_TEXT_LANG}>{c.note}</q>}
            </li>
          ))}
        </ul>
      )}
      {i.obstacles.length > 0 && (
        <p data-testid="kb-entry-obstacles">
          <strong>{t('kb.obstacles')}:</strong> {obstaclesText(i.obstacles, t)}
        </p>
      )}
      {i.lessonsLearned && (
        <p>
          <strong>{t('kb.lessons')}:</strong> <span lang={RECORDED_TEXT_LANG}>{i.lessonsLearned}</span>
        </p>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('kb.showOccupancy')}</summary>
        {open && <OccupancyBeforeAfterView interventionId={i.id} />}
      </details>
    </li>
  );
}
