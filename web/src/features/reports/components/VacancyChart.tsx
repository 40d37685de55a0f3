import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { niceAxis } from '../../../lib/chart-axis';
import { useFitWidth } from '../../../lib/use-fit-width';
import { markerPath, type MarkerShape } from '../../../lib/series-style';
import { formatKpi, formatShortDate, quarterLabel, type ReportLang } from '../report-format';

export interface VacancyLine {
  key: string;
  name: string;
  color: string;
  /** SVG stroke-dasharray (solid when absent): lines differ by more than colour (lib/series-style). */
  dash?: string | undefined;
  /** The points' marker (a circle when absent). */
  marker?: MarkerShape;
}

interface Props {
  /** One row per date: `{ date, [line.key]: rate }`. */
  rows: Record<string, string | number | null>[];
  lines: VacancyLine[];
  lang: ReportLang;
  width?: number;
  height?: number;
}

/**
 * Vacancy rate over time: fixed size (at most `width`, narrower on a phone) and no animation, so print
 * and PDF show the finished chart. The
 * picture is for the eye only (hidden from assistive technology, without Recharts' keyboard layer): the
 * same numbers are in `VacancyChartTable`, which every report shows with it.
 */
export function VacancyChart({ rows, lines, lang, width: maxWidth = 680, height = 230 }: Props) {
  const axis = niceAxis(rows.flatMap((r) => lines.map((l) => r[l.key]).filter((v) => typeof v === 'number')));
  const [box, width] = useFitWidth(maxWidth);
  return (
    <div className="report-chart" aria-hidden="true" ref={box}>
      <LineChart
        width={width}
        height={height}
        data={rows}
        margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#d9d4c7" strokeDasharray="3 3" />
        <XAxis
          dataKey="date"
          tickFormatter={(date: string) => quarterLabel(date, lang)}
          tick={{ fontSize: 10 }}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={(v: number) => formatKpi('share', v, lang)}
          tick={{ fontSize: 10 }}
          width={52}
          domain={axis.domain}
          ticks={axis.ticks}
        />
        {lines.map((l) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            strokeWidth={2}
            strokeDasharray={l.dash}
            dot={({ cx, cy, index }) =>
              typeof cx === 'number' && typeof cy === 'number' ? (
                <path key={index} d={markerPath(l.marker ?? 'circle', cx, cy, 2.5)} fill={l.color} />
              ) : null
            }
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
      {lines.length > 1 && <SeriesKey lines={lines} />}
    </div>
  );
}

/** The chart's key: each town's line as drawn (colour, dash, marker) next to its name. */
function SeriesKey({ lines }: { lines: VacancyLine[] }) {
  return (
    <ul className="report-chart-key">
      {lines.map((l) => (
        <li key={l.key}>
          <svg width="34" height="10" viewBox="0 0 34 10">
            <line x1="1" y1="5" x2="33" y2="5" stroke={l.color} strokeWidth="2" strokeDasharray={l.dash} />
            <path d={markerPath(l.marker ?? 'circle', 17, 5, 3)} fill={l.color} />
          </svg>{' '}
          {l.name}
        </li>
      ))}
    </ul>
  );
}

/** The table behind the chart, for screen readers and for anyone checking a value. */
export function VacancyChartTable({
  rows,
  lines,
  lang,
  caption,
}: Omit<Props, 'width' | 'height'> & { caption: string }) {
  const { t } = useTranslation();
  // hidden on a wrapper: a table grows to its content and would widen the page
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.asOf')}</th>
            {lines.map((l) => (
              <th key={l.key} scope="col">
                {l.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.date)}>
              <th scope="row">{formatShortDate(String(r.date), lang)}</th>
              {lines.map((l) => (
                <td key={l.key}>{formatKpi('share', r[l.key] as number | null, lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
