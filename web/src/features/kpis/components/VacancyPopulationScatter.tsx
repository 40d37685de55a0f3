import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import { shortLabel, widestLabel } from '../../../lib/chart-labels';
import { niceAxis } from '../../../lib/chart-axis';
import { placeLabels } from '../../../lib/label-placement';
import { formatNumber, formatPercent } from '../../../lib/format';
import { KpiInfoButton } from './KpiInfoButton';

export interface ScatterPoint {
  town: string;
  population: number;
  vacancyRate: number;
}

const LABEL_FONT_SIZE = 11;
const MAX_LABEL_CHARS = 18;
/** Recharts' default scatter symbol (area 64 px²) has a radius of about 4.5 px. */
const POINT_RADIUS = 5;

/**
 * Vacancy rate against population, one point per town, each labelled with its name where there is room
 * (lib/label-placement.ts: no name over another or over a point, none outside the plot); long names
 * are shortened. The full names are in the tooltip and the table, which repeats the numbers.
 */
export function VacancyPopulationScatter({ points }: { points: ScatterPoint[] }) {
  const { t } = useTranslation();
  const population = t('benchmark.population');
  const rate = t('kpi.vacancyRate.label');
  const xAxis = niceAxis(points.map((p) => p.population));
  const yAxis = niceAxis(points.map((p) => p.vacancyRate));
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
              domain={xAxis.domain}
              ticks={xAxis.ticks}
            />
            <YAxis
              type="number"
              dataKey="vacancyRate"
              name={rate}
              // one decimal, like the ranking's axis: whole percents would print the 3.5 % line as "4 %"
              tickFormatter={(v: number) => formatPercent(v)}
              domain={yAxis.domain}
              ticks={yAxis.ticks}
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
            <Scatter data={points} fill="#1f3a5f" isAnimationActive={false} />
            <PointLabels points={points} />
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

/** The towns' names beside their points, placed inside the chart (so it knows the axes' scales). */
function PointLabels({ points }: { points: ScatterPoint[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  // The highest vacancy rates first: the towns a meeting talks about keep their names when space is short.
  const ordered = [...points].sort((a, b) => b.vacancyRate - a.vacancyRate);
  const labels = ordered.map((p) => shortLabel(p.town, MAX_LABEL_CHARS));
  const placed = placeLabels(
    ordered.map((p, i) => ({
      x: Number(x(p.population)),
      y: Number(y(p.vacancyRate)),
      width: widestLabel([labels[i]!], LABEL_FONT_SIZE),
    })),
    { height: LABEL_FONT_SIZE + 3, radius: POINT_RADIUS, gap: 3, bounds: plot },
  );
  return (
    <g className="scatter-labels">
      {placed.map((box, i) =>
        box ? (
          <text
            key={ordered[i]!.town}
            x={box.x}
            y={box.y + box.height / 2}
            dominantBaseline="central"
            fontSize={LABEL_FONT_SIZE}
            fill="#333"
          >
            {labels[i]}
          </text>
        ) : null,
      )}
    </g>
  );
}
