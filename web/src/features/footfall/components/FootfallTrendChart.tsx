import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatPercent } from '../../../lib/format';
import { LoadError, Loading } from '../../../ui/Status';
import { hasFootfallChange, needsDots, trendPoints } from '../footfall-trend';
import { useFootfallTrend } from '../hooks/use-footfall-trend';

const dotsFor = (values: readonly (number | null)[], color: string) =>
  needsDots(values) ? { r: 3, fill: color, stroke: color } : false;

const pct = (v: unknown): string => (typeof v === 'number' ? formatPercent(v) : '–');
const day = (v: unknown): string =>
  typeof v === 'number' ? formatDate(new Date(v).toISOString().slice(0, 10)) : '';

/** Footfall change year on year (weekday-adjusted, per week) next to the vacancy rate (per month). */
export function FootfallTrendChart({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const trend = useFootfallTrend(cityId);
  if (trend.isPending) return <Loading />;
  if (trend.error) return <LoadError error={trend.error} onRetry={() => void trend.refetch()} />;
  const points = trendPoints(trend.data);
  const footfallLabel = t('footfall.chart.footfall');
  const vacancyLabel = t('footfall.chart.vacancy');
  return (
    <figure className="chart" data-testid="footfall-chart">
      <figcaption>
        <h3>{t('footfall.chart.heading')}</h3>
        <p className="hint">{t('footfall.chart.method')}</p>
      </figcaption>
      {!hasFootfallChange(trend.data) && (
        <p data-testid="footfall-empty">{t('footfall.chart.noComparison')}</p>
      )}
      {/* The axis titles above the plot, not turned along the axes: a turned title longer than the plot is
          high was cut off („andsquote (%)“), and here they wrap on a narrow screen. */}
      <p className="chart__axis-titles" aria-hidden="true" data-testid="footfall-axis-titles">
        <span>{t('footfall.chart.leftAxis', { label: footfallLabel })}</span>
        <span>{t('footfall.chart.rightAxis', { label: vacancyLabel })}</span>
      </p>
      <div aria-hidden="true" style={{ height: 300 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, left: 8, right: 8, bottom: 16 }}
          >
            <CartesianGrid stroke="#ddd" />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={day}
            />
            <YAxis yAxisId="footfall" tickFormatter={pct} width={64} />
            <YAxis yAxisId="vacancy" orientation="right" tickFormatter={pct} width={64} />
            <Tooltip labelFormatter={day} formatter={pct} />
            {/* the series' names in ink: in the lines' colours the vacancy's orange had 3.9:1 on white */}
            <Legend formatter={(name: string) => <span style={{ color: 'var(--ink)' }}>{name}</span>} />
            <Line
              yAxisId="footfall"
              dataKey="footfallChange"
              name={footfallLabel}
              stroke="#0072B2"
              dot={dotsFor(
                points.map((p) => p.footfallChange),
                '#0072B2',
              )}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              yAxisId="vacancy"
              dataKey="vacancyRate"
              name={vacancyLabel}
              stroke="#D55E00"
              strokeDasharray="6 3"
              dot={dotsFor(
                points.map((p) => p.vacancyRate),
                '#D55E00',
              )}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('footfall.chart.showTable')}</summary>
        <div className="table-wrap">
          <table className="storefront-table" data-testid="footfall-table">
            <caption className="visually-hidden">{t('footfall.chart.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('footfall.chart.date')}</th>
                <th scope="col">{footfallLabel}</th>
                <th scope="col">{vacancyLabel}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day}>
                  <th scope="row">{formatDate(p.day)}</th>
                  <td>{pct(p.footfallChange)}</td>
                  <td>{pct(p.vacancyRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
