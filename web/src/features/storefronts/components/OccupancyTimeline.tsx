import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORDED_TEXT_LANG, type OccupancyPeriod, type Storefront } from '../../../lib/domain';
import { formatDate } from '../../../lib/format';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import { PeriodCorrectionForm } from './PeriodCorrectionForm';
import { confirmDiscard } from '../../../ui/unsaved-changes';

/**
 * The occupancy history, newest first, as an ordered list (readable without colour). The town's
 * editors can correct or remove a wrongly recorded period (`editable`: the storefront they edit).
 */
export function OccupancyTimeline({
  periods,
  editable,
}: {
  periods: OccupancyPeriod[];
  editable?: Storefront;
}) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useEffect(() => {
    // After the form closes, focus goes back to the button that opened it (or to the list if it is gone).
    if (correcting !== null || !returnTo) return;
    const trigger = list.current?.querySelector<HTMLElement>(`[data-opens="${returnTo}"]`);
    (trigger ?? list.current)?.focus();
  }, [correcting, returnTo]);
  const newestFirst = [...periods].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <ol className="timeline" data-testid="occupancy-timeline" ref={list} tabIndex={-1}>
      {newestFirst.map((p) => (
        <li key={p.id} className="timeline__item">
          <span className="timeline__dates">
            {formatDate(p.validFrom)} – {p.validTo ? formatDate(p.validTo) : t('panel.historyOpen')}
          </span>
          <span className="timeline__status">
            <StatusSwatch status={p.status} /> {t(`status.${p.status}`)}
            {p.useCategory && ` · ${t(`category.${p.useCategory}`)}`}
            {p.businessName && ` · ${p.businessName}`}
          </span>
          {p.note && (
            <span className="timeline__note" lang={RECORDED_TEXT_LANG}>
              {p.note}
            </span>
          )}
          {editable &&
            (correcting === p.id ? (
              <PeriodCorrectionForm
                storefront={editable}
                period={p}
                canRemove={periods.length > 1}
                onDone={() => {
                  setReturnTo(p.id);
                  setCorrecting(null);
                }}
              />
            ) : (
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('periodFix.correctPeriod', {
                  status: t(`status.${p.status}`),
                  from: formatDate(p.validFrom),
                })}
                data-opens={p.id}
                onClick={() => confirmDiscard() && setCorrecting(p.id)} // replaces an open correction
              >
                {t('periodFix.correct')}
              </button>
            ))}
        </li>
      ))}
    </ol>
  );
}
