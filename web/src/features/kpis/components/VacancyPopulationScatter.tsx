import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Cell,
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
import { leaderLine, placeLabels } from '../../../lib/label-placement';
import { formatNumber, formatPercent } from '../../../lib/format';
import { KpiInfoButton } from './KpiInfoButton';

export interface ScatterPoint {
  town: string;
  population: number;
  vacancyRate: number;
}

const LABEL_FONT_SIZE = 11;
/** Recharts' axis labels take the page's font size. */
const TICK_FONT_SIZE = 16;
const MAX_LABEL_CHARS = 18;
/** Recharts' default scatter symbol (area 64 px²) has a radius of about 4.5 px. */
const POINT_RADIUS = 5;
/** The viewer's own town: its point in the ranking's accent, with a ring, and its name in bold. */
const POINT = '#1f3a5f';
const MINE = '#D55E00';
const RING_RADIUS = 8;
const RING_WIDTH = 2;

/**
 * Vacancy rate against population, one point per town, each labelled with its name where there is room
 * (lib/label-placement.ts: no name over another or over a point, none outside the plot); long names
 * are shortened. On a phone's narrow plot some names are left out; the viewer's own town keeps its
 * name, and stands out as in the ranking (accent colour, and a ring, so not by colour alone). The
 * full names are in the tooltip and the table, which repeats the numbers.
 */
export function VacancyPopulationScatter({
  points,
  mine,
}: {
  points: ScatterPoint[];
  /** The viewer's own town („Meine Stadt“). */
  mine?: string | undefined;
}) {
  const { t } = useTranslation();
  const population = t('benchmark.population');
  const rate = t('kpi.vacancyRate.label');
  const xAxis = niceAxis(points.map((p) => p.population));
  const yAxis = niceAxis(points.map((p) => p.vacancyRate));
  // The value axis as wide as its longest label, not Recharts' fixed 60 px: the plot keeps the width.
  const rateTicks = yAxis.ticks.map((v) => formatPercent(v));
  const yAxisWidth = widestLabel(rateTicks, TICK_FONT_SIZE) + 12;
  return (
    <figure className="chart" data-testid="scatter-chart">
      <figcaption>
        <h2>
          {t('benchmark.scatter')} <KpiInfoButton kpi="vacancyRate" />
        </h2>
      </figcaption>
      <div aria-hidden="true" style={{ height: 300 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart accessibilityLayer={false} margin={{ left: 4, right: 24, top: 16 }}>
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
              width={yAxisWidth}
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
                    {rate}: {formatPercent(point.vacancyRate, 1, 1)}
                  </div>
                );
              }}
            />
            <Scatter data={points} fill={POINT} isAnimationActive={false}>
              {points.map((p) => (
                <Cell key={p.town} fill={p.town === mine ? MINE : POINT} />
              ))}
            </Scatter>
            <PointLabels points={points} mine={mine} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('benchmark.showTable')}</summary>
        <div className="table-wrap">
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
                  <td>{formatPercent(p.vacancyRate, 1, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/**
 * The towns' names beside their points, and the ring around the viewer's own town's, placed inside
 * the chart (so it knows the axes' scales).
 */
function PointLabels({ points, mine }: { points: ScatterPoint[]; mine: string | undefined }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  // The highest vacancy rates first: the towns a meeting talks about keep their names when space is
  // short; the own town's name is required, so placed before all.
  const ordered = [...points].sort((a, b) => b.vacancyRate - a.vacancyRate);
  const labels = ordered.map((p) => shortLabel(p.town, MAX_LABEL_CHARS));
  const centre = (p: ScatterPoint) => ({ x: Number(x(p.population)), y: Number(y(p.vacancyRate)) });
  const placed = placeLabels(
    ordered.map((p, i) =>
      p.town === mine
        ? {
            ...centre(p),
            width: widestLabel([labels[i]!], LABEL_FONT_SIZE, 'bold'),
            radius: RING_RADIUS + RING_WIDTH / 2,
            required: true,
          }
        : { ...centre(p), width: widestLabel([labels[i]!], LABEL_FONT_SIZE) },
    ),
    { height: LABEL_FONT_SIZE + 3, radius: POINT_RADIUS, gap: 3, bounds: plot },
  );
  const own = points.find((p) => p.town === mine);
  const ring = own && centre(own);
  const ownLabel = placed[ordered.findIndex((p) => p.town === mine)];
  const leader = ring && ownLabel?.leader && leaderLine(ring, ownLabel, RING_RADIUS + RING_WIDTH / 2);
  return (
    <g className="scatter-labels">
      {ring && (
        <circle
          className="scatter-labels__ring"
          cx={ring.x}
          cy={ring.y}
          r={RING_RADIUS}
          fill="none"
          stroke={MINE}
          strokeWidth={RING_WIDTH}
        />
      )}
      {leader && <line className="scatter-labels__leader" {...leader} stroke={MINE} strokeWidth={1.5} />}
      {placed.map((box, i) =>
        box ? (
          <text
            key={ordered[i]!.town}
            x={box.x}
            y={box.y + box.height / 2}
            dominantBaseline="central"
            fontSize={LABEL_FONT_SIZE}
            fontWeight={ordered[i]!.town === mine ? 700 : undefined}
            fill="#333"
            // a white halo: readable over gridlines, and over a point where the own town's name must go
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
            data-mine={ordered[i]!.town === mine || undefined}
          >
            {labels[i]}
          </text>
        ) : null,
      )}
    </g>
  );
}
