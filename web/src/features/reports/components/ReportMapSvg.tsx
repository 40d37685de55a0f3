import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../../map/colors';
import type { ReportMap } from '../api/report-types';
import { formatMetres, scaleBarLength, type ReportLang } from '../report-format';

const BACKGROUND = '#f4f1ea';
const PERIMETER = '#1f3a5f';

/**
 * The downtown map as vector graphics: geometry projected by PostGIS (metres, y down), drawn as
 * SVG so it stays sharp in print and in the PDF at any zoom. Units outside the perimeter are drawn
 * smaller and paler with a dark outline, as on the dashboard map.
 */
export function ReportMapSvg({
  map,
  town,
  date,
  lang,
}: {
  map: ReportMap;
  town: string;
  date: string;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const { width: w, height: h } = map;
  const unit = w / 1000; // 1/1000 of the frame width, the drawing's unit for sizes
  const r = Math.max(4, w / 170);
  const bar = scaleBarLength(w);
  const font = 13 * unit;
  return (
    <svg
      className="report-map"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={t('reports.map.label', {
        town,
        date,
        units: map.units.filter((u) => u.insidePerimeter).length,
      })}
      data-testid="report-map"
    >
      <rect x={0} y={0} width={w} height={h} fill={BACKGROUND} />
      {map.perimeterPath && (
        <path
          d={map.perimeterPath}
          fill="#ffffff"
          fillOpacity={0.75}
          fillRule="evenodd"
          stroke={PERIMETER}
          strokeWidth={2.5 * unit}
          strokeDasharray={map.perimeterIsPlaceholder ? `${12 * unit} ${6 * unit}` : undefined}
        />
      )}
      {map.units.map((u, i) => (
        <circle
          key={i}
          cx={u.x}
          cy={u.y}
          r={u.insidePerimeter ? r : r * 0.75}
          fill={STATUS_COLORS[u.status]}
          fillOpacity={u.insidePerimeter ? 1 : 0.55}
          stroke={u.insidePerimeter ? '#ffffff' : '#3b3b3b'}
          strokeWidth={1.2 * unit}
        />
      ))}
      <g transform={`translate(${20 * unit} ${h - 24 * unit})`} aria-hidden="true">
        <rect
          x={-8 * unit}
          y={-28 * unit}
          width={bar + 16 * unit}
          height={40 * unit}
          fill="#ffffff"
          fillOpacity={0.85}
        />
        <path d={`M0 0 H${bar}`} stroke="#222" strokeWidth={3 * unit} />
        <path
          d={`M0 ${-6 * unit} V${4 * unit} M${bar} ${-6 * unit} V${4 * unit}`}
          stroke="#222"
          strokeWidth={2 * unit}
        />
        <text
          x={bar / 2}
          y={-10 * unit}
          fontSize={font}
          textAnchor="middle"
          fill="#222"
          fontFamily="sans-serif"
        >
          {formatMetres(bar, lang)}
        </text>
      </g>
      <g transform={`translate(${w - 30 * unit} ${36 * unit})`} aria-hidden="true">
        <path
          d={`M0 ${-22 * unit} L${9 * unit} ${8 * unit} L0 ${2 * unit} L${-9 * unit} ${8 * unit} Z`}
          fill="#222"
        />
        <text y={24 * unit} fontSize={font} textAnchor="middle" fill="#222" fontFamily="sans-serif">
          {t('reports.map.north')}
        </text>
      </g>
      <g aria-hidden="true">
        <rect
          x={w - 330 * unit}
          y={h - 22 * unit}
          width={330 * unit}
          height={22 * unit}
          fill="#ffffff"
          fillOpacity={0.85}
        />
        <text
          x={w - 6 * unit}
          y={h - 7 * unit}
          fontSize={11 * unit}
          textAnchor="end"
          fill="#333"
          fontFamily="sans-serif"
        >
          {map.attribution}
        </text>
      </g>
    </svg>
  );
}
