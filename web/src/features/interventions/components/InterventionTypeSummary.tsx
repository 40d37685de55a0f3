import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatWholeEuro } from '../../../lib/format';
import { KpiInfoButton } from '../../kpis/components/KpiInfoButton';
import type { InterventionTypeInsight } from '../api/interventions-api';
import { countsForConversionKpi } from '../outcome';
import { ObstacleSummaryCell } from './ObstacleSummaryCell';

/**
 * Per type: how many were tried, how many succeeded after 12 months by the type's measure (docs/kpis.md,
 * "Intervention outcome"), median cost per unit, the obstacles named most often. The conversion KPI's info button only on the rows its
 * definition covers; types without a measure say „nicht erhoben“ rather than „0 / 0“.
 */
export function InterventionTypeSummary({ types }: { types: InterventionTypeInsight[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="by-type-heading">
      <h2 id="by-type-heading">{t('kb.byType')}</h2>
      <div className="table-wrap">
        <table className="storefront-table" data-testid="by-type">
          <caption className="visually-hidden">{t('kb.byType')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kb.type')}</th>
              <th scope="col">{t('kb.tried')}</th>
              <th scope="col">{t('kb.ledToLease')}</th>
              <th scope="col">{t('kb.medianCost')}</th>
              <th scope="col">{t('kb.topObstacles')}</th>
            </tr>
          </thead>
          <tbody>
            {types.map((row) => (
              <tr key={row.type} data-type={row.type}>
                <th scope="row">{t(`interventionType.${row.type}`)}</th>
                <td>{formatNumber(row.tried)}</td>
                <td>
                  {row.measure === 'none' ? (
                    t('kb.notMeasuredCell')
                  ) : (
                    <>
                      {t(`kb.result.${row.measure}.success`)}:{' '}
                      {t('kb.ofEvaluated', {
                        converted: formatNumber(row.ledToRegularLease12m),
                        evaluated: formatNumber(row.evaluated),
                      })}
                      {row.regularLeaseShare !== null && ` (${formatPercent(row.regularLeaseShare, 0)})`}
                      {row.overdue > 0 && ` · ${t('kb.overdueCount', { count: row.overdue })}`}
                      {countsForConversionKpi(row.measure) && (
                        <>
                          {' '}
                          <KpiInfoButton kpi="interventionConversionRate" />
                        </>
                      )}
                    </>
                  )}
                </td>
                <td>{formatWholeEuro(row.medianCostPerUnit)}</td>
                <td data-testid="by-type-obstacles">
                  <ObstacleSummaryCell row={row} subClass="hint" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
