import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../../map/colors';
import type { ReportMap } from '../api/report-types';
import type { ReportLang } from '../report-format';
import { MapAttribution, NorthArrow, ScaleBar } from './MapFurniture';

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
      <ScaleBar w={w} h={h} unit={unit} lang={lang} />
      <NorthArrow w={w} unit={unit} />
      <MapAttribution w={w} h={h} unit={unit} text={map.attribution} />
    </svg>
  );
}
