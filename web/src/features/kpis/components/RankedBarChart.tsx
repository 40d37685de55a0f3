import { useTranslation } from 'react-i18next';
import {
  Bar,
  Cell,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceAxis } from '../../../lib/chart-axis';
import { shortLabel, widestLabel } from '../../../lib/chart-labels';
import { type BenchmarkKpi } from '../definitions';
import { formatKpi } from '../kpi-format';
import { rankingSummary } from '../ranking-summary';
import { KpiInfoButton } from './KpiInfoButton';

/** Tick labels: a smaller font, and names past this length shortened (full name in tooltip and table). */
const TICK_FONT_SIZE = 12;
const MAX_LABEL_CHARS = 22;
/** The right-hand axis of the cases („12 von 15“). */
const CASES_WIDTH = 84;
const townTick = (name: string): string => shortLabel(name, MAX_LABEL_CHARS);
/** The bars; the viewer's own town's in the accent of the map's vacancies (3:1 on white, and marked ►). */
const BAR = '#1f3a5f';
const MINE = '#D55E00';

export interface RankedRow {
  town: string;
  value: number | null;
  /** What the value rests on, written beside its bar („2 von 5“); null for most KPIs. */
  cases?: string | null;
}

/** One KPI, towns ranked high to low, with the (network) median as a line; a sentence says the same. */
export function RankedBarChart({
  kpi,
  rows,
  median,
  medianLabel,
  date,
  mine,
}: {
  kpi: BenchmarkKpi;
  rows: RankedRow[];
  median: number | null;
  medianLabel: string;
  date: string;
  /** The viewer's own town: its bar stands out (colour and a ► before its name) and its rank is said. */
  mine?: string | undefined;
}) {
  const { t } = useTranslation();
  const ranked = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  const fmt = (v: number | null) => formatKpi(t, kpi, v);
  const axis = niceAxis([...ranked.map((r) => r.value), median]);
  const rankOfMine = mine === undefined ? -1 : ranked.findIndex((r) => r.town === mine);
  const tick = (name: string): string => (name === mine ? `► ${townTick(name)}` : townTick(name));
  // the cases a value rests on, on an axis of their own at the right: also beside a bar of 0 % (no bar
  // to label)
  const casesOf = new Map(ranked.map((r) => [r.town, r.cases ?? '']));
  const withCases = ranked.some((r) => r.cases);
  // The axis is as wide as its longest label (so none is cut off at the chart's left edge), at most 200 px.
  const axisWidth = Math.min(
    200,
    widestLabel(
      ranked.map((r) => tick(r.town)),
      TICK_FONT_SIZE,
    ) + 20,
  );
  return (
    <figure className="chart" data-testid="ranked-chart">
      <figcaption>
        <h2>
          {t('benchmark.ranking', { kpi: t(`kpi.${kpi}.label`), date })} <KpiInfoButton kpi={kpi} />
        </h2>
      </figcaption>
      <div aria-hidden="true" style={{ height: Math.max(180, ranked.length * 30 + 64) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={ranked}
            layout="vertical"
            margin={{ top: 24, left: 8, right: withCases ? 8 : 48 }} // top: room for the median's label above the plot
          >
            <CartesianGrid horizontal={false} stroke="#ddd" />
            <XAxis
              type="number"
              tickFormatter={(v: number) => formatKpi(t, kpi, v, true)}
              domain={axis.domain}
              ticks={axis.ticks}
            />
            <YAxis
              type="category"
              dataKey="town"
              width={axisWidth}
              interval={0}
              tick={{ fontSize: TICK_FONT_SIZE }}
              tickFormatter={tick}
            />
            {withCases && (
              <YAxis
                yAxisId="cases"
                orientation="right"
                type="category"
                dataKey="town"
                width={CASES_WIDTH}
                interval={0}
                axisLine={false}
                tickLine={false}
                tick={{ fontSize: TICK_FONT_SIZE }}
                tickFormatter={(town: string) => casesOf.get(town) ?? ''}
              />
            )}
            <Tooltip
              formatter={(v, _name, item) => {
                const cases = (item.payload as RankedRow | undefined)?.cases;
                return `${fmt(typeof v === 'number' ? v : null)}${cases ? ` (${cases})` : ''}`;
              }}
            />
            <Bar dataKey="value" name={t(`kpi.${kpi}.label`)} fill={BAR} isAnimationActive={false}>
              {ranked.map((r) => (
                <Cell key={r.town} fill={r.town === mine ? MINE : BAR} />
              ))}
            </Bar>
            {median !== null && (
              <ReferenceLine
                x={median}
                stroke="#b3541e"
                strokeWidth={2}
                strokeDasharray="6 3"
                label={{
                  value: t('benchmark.median', { value: fmt(median) }),
                  position: 'top',
                  fill: '#7a3510',
                }}
              />
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {ranked.length > 0 && (
        <p className="chart__summary">
          {rankingSummary(
            t,
            ranked.map((r) => ({ town: r.town, value: r.value! })),
            fmt,
            medianLabel,
            fmt(median),
          )}
          {rankOfMine >= 0 &&
            ` ${t('benchmark.rankOfMine', { town: mine, rank: rankOfMine + 1, count: ranked.length })}`}
        </p>
      )}
    </figure>
  );
}
