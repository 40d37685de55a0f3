import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORDED_TEXT_LANG, type Intervention } from '../../../lib/domain';
import { formatDate, formatEuro } from '../../../lib/format';
import { interventionPeriod } from '../intervention-period';
import { obstaclesText } from '../obstacles';
import { InterventionEditForm } from './InterventionEditForm';
import { PastEndNotice } from './PastEndNotice';
import { confirmDiscard } from '../../../ui/unsaved-changes';

/** The interventions on a unit; the town's editors can bring each one up to date (state, lessons, outcome). */
export function InterventionList({
  interventions,
  canEdit,
}: {
  interventions: Intervention[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  // „Gespeichert.“ once the form closed after a save (the form's own message goes with it)
  const [said, setSaid] = useState('');
  useEffect(() => {
    // After the form closes, focus goes back to the button that opened it.
    if (editing === null && returnTo)
      list.current?.querySelector<HTMLElement>(`[data-opens="${returnTo}"]`)?.focus();
  }, [editing, returnTo]);
  if (interventions.length === 0) return <p>{t('panel.noInterventions')}</p>;
  return (
    <>
      <p className="visually-hidden" role="status" data-testid="intervention-list-status">
        {said}
      </p>
      <ul className="intervention-list" ref={list}>
        {interventions.map((i) =>
          editing === i.id ? (
            <li key={i.id}>
              <InterventionEditForm
                intervention={i}
                onDone={(saved) => {
                  setSaid(saved ? t('form.saved') : '');
                  setReturnTo(i.id);
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={i.id}>
              <strong lang={RECORDED_TEXT_LANG}>{i.title}</strong>
              <span>
                {t(`interventionType.${i.type}`)} · {t(`interventionState.${i.state}`)}
              </span>
              <PastEndNotice intervention={i} canEdit={canEdit} />
              <span>
                {interventionPeriod(i, formatDate, t)}
                {i.budgetEur !== null && ` · ${formatEuro(i.budgetEur)}`}
              </span>
              {i.obstacles.length > 0 && (
                <span data-testid="intervention-obstacles">
                  {t('intervention.obstacles')}: {obstaclesText(i.obstacles, t)}
                </span>
              )}
              {i.lessonsLearned && (
                <span className="intervention-list__lessons" lang={RECORDED_TEXT_LANG}>
                  {i.lessonsLearned}
                </span>
              )}
              {canEdit && (
                <button
                  type="button"
                  className="button button--ghost"
                  data-opens={i.id}
                  onClick={() => {
                    if (!confirmDiscard()) return; // another item's form replaces the open one
                    setSaid('');
                    setEditing(i.id);
                  }}
                  aria-label={t('intervention.edit', { title: i.title })}
                >
                  {t('intervention.editButton')}
                </button>
              )}
            </li>
          ),
        )}
      </ul>
    </>
  );
}
