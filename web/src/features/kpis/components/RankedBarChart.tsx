import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type BenchmarkKpi } from '../definitions';
import { formatKpi } from '../kpi-format';
import { KpiInfoButton } from './KpiInfoButton';

export interface RankedRow {
  town: string;
  value: number | null;
}

/** One KPI, towns ranked high to low, with the (network) median as a line; a sentence says the same. */
export function RankedBarChart({
  kpi,
  rows,
  median,
  medianLabel,
  date,
}: {
  kpi: BenchmarkKpi;
  rows: RankedRow[];
  median: number | null;
  medianLabel: string;
  date: string;
}) {
  const { t } = useTranslation();
  const ranked = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  const fmt = (v: number | null) => formatKpi(t, kpi, v);
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];
  return (
    <figure className="chart" data-testid="ranked-chart">
      <figcaption>
        <h2>
          {t('benchmark.ranking', { kpi: t(`kpi.${kpi}.label`), date })} <KpiInfoButton kpi={kpi} />
        </h2>
      </figcaption>
      <div aria-hidden="true" style={{ height: Math.max(160, ranked.length * 30 + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={ranked}
            layout="vertical"
            margin={{ left: 24, right: 48 }}
          >
            <CartesianGrid horizontal={false} stroke="#ddd" />
            <XAxis type="number" tickFormatter={(v: number) => fmt(v)} />
            <YAxis type="category" dataKey="town" width={150} />
            <Tooltip formatter={(v) => fmt(typeof v === 'number' ? v : null)} />
            <Bar dataKey="value" fill="#1f3a5f" isAnimationActive={false} />
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
      {top && bottom && (
        <p className="chart__summary">
          {t('benchmark.rankingSummary', {
            top: top.town,
            topValue: fmt(top.value),
            bottom: bottom.town,
            bottomValue: fmt(bottom.value),
            medianLabel,
            median: fmt(median),
          })}
        </p>
      )}
    </figure>
  );
}
