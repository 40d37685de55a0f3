import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';
import type { Intervention } from '../../../lib/domain';
import { formatEuro, formatShortDate, type ReportLang } from '../report-format';
import { interventionPeriod } from '../../interventions/intervention-period';
import { outcomeText } from '../../interventions/outcome';
import { obstaclesText } from '../../interventions/obstacles';
import { interventionsOn, unitAddresses } from '../report-interventions';

/**
 * The town's interventions started by the date: what and where (the units' addresses — a title need
 * not name one), when, state on the date, 12-month outcome with what stood in the way, cost.
 */
export function InterventionsTable({
  items,
  recorded,
  asOf,
  lang,
}: {
  items: Intervention[];
  /** How many the town has recorded (the API answers one page: the report says when it saw fewer). */
  recorded: number;
  asOf: string;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const shown = interventionsOn(items, asOf);
  const total = shown.reduce((sum, i) => sum + (i.intervention.budgetEur ?? 0), 0);
  return (
    <section className="report-section report-interventions" aria-labelledby="report-interventions-title">
      <h2 id="report-interventions-title">{t('reports.interventions.title')}</h2>
      {recorded > items.length && (
        <p className="hint">
          {t('reports.interventions.truncated', { total: recorded, shown: items.length })}
        </p>
      )}
      {shown.length === 0 ? (
        <p>{t('reports.interventions.none')}</p>
      ) : (
        <TableScroll title={t('reports.interventions.title')}>
          <table className="report-table">
            <caption>{t('reports.interventions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.interventions.measure')}</th>
                <th scope="col">{t('reports.interventions.period')}</th>
                <th scope="col">{t('reports.interventions.state')}</th>
                <th scope="col">{t('reports.interventions.outcome')}</th>
                <th scope="col" className="num">
                  {t('reports.interventions.cost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ intervention: i, state }) => (
                <tr key={i.id}>
                  <InterventionRowHeading intervention={i} />
                  <td>{interventionPeriod({ ...i, state }, (day) => formatShortDate(day, lang), t)}</td>
                  <td>{t(`interventionState.${state}`)}</td>
                  {/* outcome12 as known on the report's date (the list is asked with asOf) */}
                  <td data-testid="report-outcome">
                    {outcomeText({ ...i, state }, t, (day) => formatShortDate(day, lang))}
                    {i.obstacles.length > 0 && (
                      <span className="report-sub" data-testid="report-intervention-obstacles">
                        {t('intervention.obstacles')}: {obstaclesText(i.obstacles, t)}
                      </span>
                    )}
                  </td>
                  <td className="num">{formatEuro(i.budgetEur, lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('reports.interventions.total')}
                </th>
                <td className="num">{formatEuro(total, lang)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** A measure's row heading in the report's tables: its title, where (the units' addresses), its type. */
export function InterventionRowHeading({ intervention: i }: { intervention: Intervention }) {
  const { t } = useTranslation();
  return (
    <th scope="row">
      {i.title}
      {i.units.length > 0 && (
        <span className="report-sub" data-testid="report-intervention-units">
          {unitAddresses(i.units, t)}
        </span>
      )}
      <span className="report-sub">{t(`interventionType.${i.type}`)}</span>
    </th>
  );
}
