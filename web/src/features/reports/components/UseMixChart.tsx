import { useTranslation } from 'react-i18next';
import { Bar, BarChart, LabelList, XAxis, YAxis } from 'recharts';
import { useFitWidth } from '../../../lib/use-fit-width';
import type { UseMixKey } from '../api/report-types';
import { formatKpi, type ReportLang } from '../report-format';

const ORDER: UseMixKey[] = [
  'retail_comparison',
  'retail_daily',
  'food_drink',
  'services',
  'health',
  'culture_leisure',
  'public_social',
  'other',
  'unspecified',
];

/** Use mix on the date as horizontal bars (share of units in use), values printed at the bars and in a table. */
export function UseMixChart({
  useMix,
  lang,
}: {
  useMix: Record<UseMixKey, number | null>;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const [box, width] = useFitWidth(680); // narrower on a phone: drawn at its width, the labels keep their size
  const label = (k: UseMixKey): string =>
    k === 'unspecified' ? t('reports.charts.unspecified') : t(`category.${k}`);
  const rows = ORDER.map((k) => ({ key: k, name: label(k), share: useMix[k] ?? 0 })).filter(
    (r) => r.share > 0 || r.key !== 'unspecified',
  );
  return (
    <>
      {/* For the eye only; the table below has the same numbers (no Recharts keyboard layer either). */}
      <div className="report-chart" aria-hidden="true" ref={box}>
        <BarChart
          width={width}
          height={24 * rows.length + 20}
          data={rows}
          layout="vertical"
          margin={{ left: 8, right: 48 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" hide domain={[0, 'dataMax']} />
          <YAxis
            type="category"
            dataKey="name"
            width={Math.min(220, Math.round(width * 0.42))}
            tick={{ fontSize: 10 }}
            interval={0}
          />
          <Bar dataKey="share" fill="#0072B2" isAnimationActive={false} barSize={14}>
            <LabelList
              dataKey="share"
              position="right"
              style={{ fontSize: 10, fill: '#222' }}
              formatter={(v: unknown) => formatKpi('share', typeof v === 'number' ? v : null, lang)}
            />
          </Bar>
        </BarChart>
      </div>
      {/* hidden on a wrapper: a table grows to its content and would widen the page */}
      <div className="visually-hidden">
        <table>
          <caption>{t('reports.charts.useMix')}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td>{formatKpi('share', r.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
