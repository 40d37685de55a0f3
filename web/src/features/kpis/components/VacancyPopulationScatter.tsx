import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { shortLabel } from '../../../lib/chart-labels';
import { formatNumber, formatPercent } from '../../../lib/format';
import { KpiInfoButton } from './KpiInfoButton';

export interface ScatterPoint {
  town: string;
  population: number;
  vacancyRate: number;
}

const LABEL_FONT_SIZE = 11;
const MAX_LABEL_CHARS = 18;

/**
 * Vacancy rate against population, one point per town (labelled); the table repeats the numbers.
 * A point in the right part of the chart has its label on its left, so that no label runs off the
 * chart's right edge; long names are shortened there (full name in the tooltip and the table).
 */
export function VacancyPopulationScatter({ points }: { points: ScatterPoint[] }) {
  const { t } = useTranslation();
  const largest = Math.max(0, ...points.map((p) => p.population));
  const labelled = points.map((p) => ({ ...p, label: shortLabel(p.town, MAX_LABEL_CHARS) }));
  const labelLeft = labelled.filter((p) => p.population > largest * 0.55);
  const labelRight = labelled.filter((p) => p.population <= largest * 0.55);
  const population = t('benchmark.population');
  const rate = t('kpi.vacancyRate.label');
  return (
    <figure className="chart" data-testid="scatter-chart">
      <figcaption>
        <h2>
          {t('benchmark.scatter')} <KpiInfoButton kpi="vacancyRate" />
        </h2>
      </figcaption>
      <div aria-hidden="true" style={{ height: 300 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart accessibilityLayer={false} margin={{ left: 16, right: 32, top: 16 }}>
            <CartesianGrid stroke="#ddd" />
            <XAxis
              type="number"
              dataKey="population"
              name={population}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <YAxis
              type="number"
              dataKey="vacancyRate"
              name={rate}
              tickFormatter={(v: number) => formatPercent(v, 0)}
            />
            <Tooltip
              content={({ active, payload }) => {
                const point = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined;
                if (!point) return null;
                return (
                  <div className="chart-tooltip">
                    <strong>{point.town}</strong>
                    <br />
                    {population}: {formatNumber(point.population)}
                    <br />
                    {rate}: {formatPercent(point.vacancyRate)}
                  </div>
                );
              }}
            />
            <Scatter data={labelRight} fill="#1f3a5f" isAnimationActive={false}>
              <LabelList dataKey="label" position="right" fontSize={LABEL_FONT_SIZE} />
            </Scatter>
            <Scatter data={labelLeft} fill="#1f3a5f" isAnimationActive={false}>
              <LabelList dataKey="label" position="left" fontSize={LABEL_FONT_SIZE} />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('benchmark.showTable')}</summary>
        <table className="storefront-table">
          <caption className="visually-hidden">{t('benchmark.scatter')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('benchmark.town')}</th>
              <th scope="col">{t('benchmark.population')}</th>
              <th scope="col">{t('kpi.vacancyRate.label')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.town}>
                <th scope="row">{p.town}</th>
                <td>{formatNumber(p.population)}</td>
                <td>{formatPercent(p.vacancyRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
