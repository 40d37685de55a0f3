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
import { formatNumber, formatPercent } from '../../../lib/format';
import { KpiInfoButton } from './KpiInfoButton';

export interface ScatterPoint {
  town: string;
  population: number;
  vacancyRate: number;
}

/** Vacancy rate against population, one point per town (labelled); the table repeats the numbers. */
export function VacancyPopulationScatter({ points }: { points: ScatterPoint[] }) {
  const { t } = useTranslation();
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
              name={t('benchmark.population')}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <YAxis
              type="number"
              dataKey="vacancyRate"
              name={t('kpi.vacancyRate.label')}
              tickFormatter={(v: number) => formatPercent(v, 0)}
            />
            <Tooltip
              formatter={(v, name) =>
                name === t('benchmark.population') ? formatNumber(Number(v)) : formatPercent(Number(v))
              }
            />
            <Scatter data={points} fill="#1f3a5f" isAnimationActive={false}>
              <LabelList dataKey="town" position="right" fontSize={11} />
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
