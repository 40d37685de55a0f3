import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type XAxisTickContentProps,
} from 'recharts';
import type { KpiSeries, TownKpis } from '../api/kpis-api';
import type { BenchmarkKpi } from '../definitions';
import { axisLabelLines, seriesPoints } from '../series-points';
import { niceAxis } from '../../../lib/chart-axis';
import { widestLabel } from '../../../lib/chart-labels';
import { formatDate } from '../../../lib/format';
import { formatKpi } from '../kpi-format';
import { seriesKey } from '../series-key';
import { KpiInfoButton } from './KpiInfoButton';
import { SeriesKey } from './SeriesKey';

/** Recharts' axis labels take the page's font size. */
const TICK_FONT_SIZE = 16;

/**
 * The KPI per year for the chosen towns, ending on the reference date with the values of the page's
 * table (series-points.ts); its key is a list below the plot (SeriesKey), and a table with the same
 * numbers is one click away.
 */
export function SeriesChart({
  kpi,
  series,
  names,
  asOf,
  atAsOf,
}: {
  kpi: BenchmarkKpi;
  series: KpiSeries;
  names: Map<string, string>;
  asOf: string;
  atAsOf: readonly TownKpis[];
}) {
  const { t, i18n } = useTranslation();
  const points = seriesPoints(series, kpi, asOf, atAsOf, formatDate);
  const data = points.map((p) => ({ year: p.label, ...Object.fromEntries(p.values) }));
  const axis = niceAxis(points.flatMap((p) => [...p.values.values()]));
  const fmt = (v: unknown) => formatKpi(t, kpi, typeof v === 'number' ? v : null);
  const tick = (v: unknown) => formatKpi(t, kpi, typeof v === 'number' ? v : null, true);
  const key = seriesKey(series.towns, names, i18n.language);
  // The value axis as wide as its longest label, not a fixed 80 px: on a phone the plot keeps the width.
  const yAxisWidth = widestLabel(axis.ticks.map(tick), TICK_FONT_SIZE) + 12;
  return (
    <figure className="chart" data-testid="series-chart">
      <figcaption>
        <h2>
          {t('benchmark.series', { kpi: t(`kpi.${kpi}.label`) })} <KpiInfoButton kpi={kpi} />
        </h2>
      </figcaption>
      <div aria-hidden="true">
        <div style={{ height: 300 }}>
          <ResponsiveContainer width="100%" height="100%">
            {/* top: room for the highest gridline's label, which the axis would otherwise move down onto the next */}
            <LineChart accessibilityLayer={false} data={data} margin={{ top: 12, left: 4, right: 24 }}>
              <CartesianGrid stroke="#ddd" />
              <XAxis
                dataKey="year"
                height={44}
                // the axis leaves out labels that would overlap, measuring this text: the first line only
                tickFormatter={(label: string) => axisLabelLines(label)[0]}
                tick={YearTick}
              />
              <YAxis tickFormatter={tick} width={yAxisWidth} domain={axis.domain} ticks={axis.ticks} />
              <Tooltip formatter={fmt} />
              {key.map(({ cityId, name, style }) => (
                <Line
                  key={cityId}
                  dataKey={cityId}
                  name={name}
                  // Colour (3:1 on white) and dash per town, also in the key: not by colour alone.
                  stroke={style.color}
                  strokeWidth={2}
                  strokeDasharray={style.dash}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <SeriesKey entries={key} />
      </div>
      <details>
        <summary>{t('benchmark.showTable')}</summary>
        <div className="table-wrap">
          <table className="storefront-table">
            <caption className="visually-hidden">
              {t('benchmark.series', { kpi: t(`kpi.${kpi}.label`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('benchmark.town')}</th>
                {points.map((p) => (
                  <th key={p.label} scope="col">
                    {p.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {key.map((town) => (
                <tr key={town.cityId}>
                  <th scope="row">{town.name}</th>
                  {points.map((p) => (
                    <td key={p.label}>{fmt(p.values.get(town.cityId))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A label of the x axis: the year, and under the reference date's year its day (axisLabelLines). */
function YearTick({ x, y, payload }: XAxisTickContentProps) {
  const [year, day] = axisLabelLines(String(payload.value));
  return (
    <text x={x} y={y} dy={14} textAnchor="middle" fill="#666" className="recharts-cartesian-axis-tick-value">
      <tspan x={x}>{year}</tspan>
      {day && (
        <tspan x={x} dy={14} fontSize="0.85em">
          {day}
        </tspan>
      )}
    </text>
  );
}
