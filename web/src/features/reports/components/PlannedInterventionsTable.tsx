import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';
import type { Intervention } from '../../../lib/domain';
import { formatEuro, formatShortDate, type ReportLang } from '../report-format';
import { plannedOn } from '../report-interventions';
import { InterventionRowHeading } from './InterventionsTable';

/**
 * What the town had planned but not begun on the date (`plannedOn`): the council reads what comes
 * next beside what was done — where (the units' addresses), what kind, when it is to start and end,
 * at what planned cost.
 */
export function PlannedInterventionsTable({
  items,
  asOf,
  lang,
}: {
  items: Intervention[];
  asOf: string;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const planned = plannedOn(items, asOf);
  return (
    <section className="report-section report-planned" aria-labelledby="report-planned-title">
      <h2 id="report-planned-title">{t('reports.planned.title')}</h2>
      {planned.length === 0 ? (
        <p data-testid="report-planned-none">{t('reports.planned.none')}</p>
      ) : (
        <TableScroll title={t('reports.planned.title')}>
          <table className="report-table">
            <caption>{t('reports.planned.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.interventions.measure')}</th>
                <th scope="col">{t('reports.planned.start')}</th>
                <th scope="col" className="num">
                  {t('reports.planned.cost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {planned.map((i) => (
                <tr key={i.id} data-testid="report-planned-row">
                  <InterventionRowHeading intervention={i} />
                  <td>
                    {i.startDate ? formatShortDate(i.startDate, lang) : t('reports.planned.startOpen')}
                    {i.endDate && (
                      <span className="report-sub">
                        {t('reports.planned.until', { date: formatShortDate(i.endDate, lang) })}
                      </span>
                    )}
                  </td>
                  <td className="num">{formatEuro(i.budgetEur, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
