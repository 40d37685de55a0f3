import { useTranslation } from 'react-i18next';
import { OCCUPANCY_STATUSES, type StorefrontSummary } from '../../../lib/domain';
import { formatDate, formatNumber, formatPercent } from '../../../lib/format';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import { KpiInfoButton } from '../../kpis/components/KpiInfoButton';

/**
 * The numbers next to the map, by status, for the same filter and date as the map. Its share of vacant
 * units is of the units shown (any filter, inside and outside the perimeter), so it is labelled as such,
 * not as the vacancy rate, which is the KPI engine's (docs/kpis.md). Its total is therefore not the KPI
 * „Ladenlokale“ (existing units inside the perimeter, the network page's figure): it is labelled and
 * explained as the units recorded on the date. Next to it the KPI itself (`vacancyRate`, the figure the
 * reports and the benchmark print), so that a councillor meets both numbers in one place with what each counts.
 */
export function CountsPanel({
  summary,
  vacancyRate,
}: {
  summary: StorefrontSummary | undefined;
  /** The KPI engine's vacancy rate of the town on the date; undefined while unknown or not readable. */
  vacancyRate?: number | null | undefined;
}) {
  const { t } = useTranslation();
  if (!summary) return null;
  const vacant = summary.byStatus.vacant ?? 0;
  return (
    <section className="counts" aria-labelledby="counts-heading" data-testid="counts">
      <h2 id="counts-heading">{t('counts.title', { date: formatDate(summary.asOf) })}</h2>
      {/* One sentence with its labels is announced when the date or filters change, not every bare figure. */}
      <p className="visually-hidden" aria-live="polite" data-testid="counts-announcement">
        {t('counts.announcement', {
          date: formatDate(summary.asOf),
          total: formatNumber(summary.total),
          share: summary.total ? formatPercent(vacant / summary.total, 1, 1) : '–',
        })}
      </p>
      <dl className="counts__headline">
        <div>
          <dt>{t('counts.total')}</dt>
          <dd data-testid="count-total">{formatNumber(summary.total)}</dd>
        </div>
        <div>
          <dt>{t('counts.vacantShare')}</dt>
          <dd data-testid="vacancy-rate">
            {summary.total ? formatPercent(vacant / summary.total, 1, 1) : '–'}
          </dd>
        </div>
        {vacancyRate !== undefined && (
          <div>
            <dt>
              {t('counts.vacancyRateKpi')} <KpiInfoButton kpi="vacancyRate" />
            </dt>
            <dd data-testid="vacancy-rate-kpi">
              {vacancyRate === null ? '–' : formatPercent(vacancyRate, 1, 1)}
            </dd>
          </div>
        )}
      </dl>
      <p className="hint" data-testid="count-total-hint">
        {t('counts.totalHint')}
        {vacancyRate !== undefined && <> {t('counts.kpiHint')}</>}
      </p>
      <table className="counts__table">
        <caption className="visually-hidden">{t('legend.status')}</caption>
        <tbody>
          {OCCUPANCY_STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row">
                <StatusSwatch status={s} /> {t(`status.${s}`)}
              </th>
              <td data-testid={`count-${s}`}>{formatNumber(summary.byStatus[s] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
