import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiSeries } from '../api/kpis-api';
import { kpiValue, type BenchmarkKpi } from '../definitions';
import { formatKpi } from '../kpi-format';
import { seriesStyle } from '../../../lib/series-style';
import { KpiInfoButton } from './KpiInfoButton';

/** The KPI per year for the chosen towns; a table with the same numbers is one click away. */
export function SeriesChart({
  kpi,
  series,
  names,
}: {
  kpi: BenchmarkKpi;
  series: KpiSeries;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const years = series.towns[0]?.buckets.map((b) => b.end.slice(0, 4)) ?? [];
  const data = years.map((year, i) => {
    const row: Record<string, string | number | null> = { year };
    for (const town of series.towns) {
      const bucket = town.buckets[i];
      row[town.cityId] = bucket ? kpiValue(bucket, kpi) : null;
    }
    return row;
  });
  const fmt = (v: unknown) => formatKpi(t, kpi, typeof v === 'number' ? v : null);
  return (
    <figure className="chart" data-testid="series-chart">
      <figcaption>
        <h2>
          {t('benchmark.series', { kpi: t(`kpi.${kpi}.label`) })} <KpiInfoButton kpi={kpi} />
        </h2>
      </figcaption>
      <div aria-hidden="true" style={{ height: 300 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ left: 16, right: 24 }}>
            <CartesianGrid stroke="#ddd" />
            <XAxis dataKey="year" />
            <YAxis tickFormatter={fmt} width={80} />
            <Tooltip formatter={fmt} />
            <Legend />
            {series.towns.map((town, i) => (
              <Line
                key={town.cityId}
                dataKey={town.cityId}
                name={names.get(town.cityId) ?? town.cityId}
                // Colour (3:1 on white) and dash per town, also in the legend: not by colour alone.
                stroke={seriesStyle(i).color}
                strokeDasharray={seriesStyle(i).dash}
                legendType="plainline"
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
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
                {years.map((y) => (
                  <th key={y} scope="col">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.towns.map((town) => (
                <tr key={town.cityId}>
                  <th scope="row">{names.get(town.cityId)}</th>
                  {town.buckets.map((b) => (
                    <td key={b.end}>{fmt(kpiValue(b, kpi))}</td>
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
