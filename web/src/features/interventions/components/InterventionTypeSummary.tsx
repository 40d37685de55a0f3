import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatWholeEuro } from '../../../lib/format';
import { KpiInfoButton } from '../../kpis/components/KpiInfoButton';
import type { InterventionTypeInsight } from '../api/interventions-api';

/** Per type: how many were tried, how many led to a regular lease after 12 months, median cost per unit. */
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
              <th scope="col">
                {t('kb.ledToLease')} <KpiInfoButton kpi="interventionConversionRate" />
              </th>
              <th scope="col">{t('kb.medianCost')}</th>
            </tr>
          </thead>
          <tbody>
            {types.map((row) => (
              <tr key={row.type}>
                <th scope="row">{t(`interventionType.${row.type}`)}</th>
                <td>{formatNumber(row.tried)}</td>
                <td>
                  {formatNumber(row.ledToRegularLease12m)} / {formatNumber(row.evaluated)} {t('kb.evaluated')}
                  {row.regularLeaseShare !== null && ` (${formatPercent(row.regularLeaseShare, 0)})`}
                </td>
                <td>{formatWholeEuro(row.medianCostPerUnit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
