import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';
import { describeSide } from '../../kpis/transition-text';
import { TRANSITION_ROWS } from '../api/reports-api';
import type { TownTransitions } from '../api/report-types';
import { formatKpi, formatShortDate, type ReportLang } from '../report-format';

/**
 * Which units opened and closed in the 12 months up to the date: the sheet's „Eröffnungen“ and
 * „Schließungen“ unit by unit, the first 40 printed. Without business names: a printed council
 * report leaves the register (a business name is often a person's name).
 */
export function TransitionsTable({ changes, lang }: { changes: TownTransitions; lang: ReportLang }) {
  const { t } = useTranslation();
  const shown = changes.transitions.slice(0, TRANSITION_ROWS);
  const more = changes.openings + changes.closures - shown.length;
  return (
    <section className="report-section report-transitions" aria-labelledby="report-transitions-title">
      <h2 id="report-transitions-title">{t('reports.transitions.title')}</h2>
      {shown.length === 0 ? (
        <p>{t('reports.transitions.none')}</p>
      ) : (
        <TableScroll title={t('reports.transitions.title')}>
          <table className="report-table" data-testid="report-transitions">
            <caption>
              {t('reports.transitions.caption', {
                from: formatShortDate(changes.from, lang),
                to: formatShortDate(changes.to, lang),
                openings: t('reports.transitions.openings', {
                  count: changes.openings,
                  formatted: formatKpi('count', changes.openings, lang),
                }),
                closures: t('reports.transitions.closures', {
                  count: changes.closures,
                  formatted: formatKpi('count', changes.closures, lang),
                }),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.transitions.day')}</th>
                <th scope="col">{t('reports.transitions.address')}</th>
                <th scope="col">{t('reports.transitions.kind')}</th>
                <th scope="col">{t('reports.transitions.before')}</th>
                <th scope="col">{t('reports.transitions.after')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={`${c.storefrontId}-${c.day}`}>
                  <td>{formatShortDate(c.day, lang)}</td>
                  <th scope="row">{c.address}</th>
                  <td>{t(`transitions.kinds.${c.kind}`)}</td>
                  <td>{describeSide(c.before, t, 'before', false)}</td>
                  <td>{describeSide(c.after, t, 'after', false)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {more > 0 && <p className="report-note">{t('reports.transitions.more', { count: more })}</p>}
    </section>
  );
}
