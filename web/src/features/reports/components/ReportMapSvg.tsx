import { useTranslation } from 'react-i18next';
import { MARKER_OUTLINE, STATUS_COLORS } from '../../map/colors';
import { MARKER_SHAPE_REACH, markerShapePath, STATUS_SHAPES } from '../../map/marker-shapes';
import type { ReportMap } from '../api/report-types';
import type { ReportLang } from '../report-format';
import { MapAttribution, NorthArrow, ScaleBar } from './MapFurniture';
import { placeStreetLabels } from '../street-labels';

const BACKGROUND = '#f4f1ea';
const PERIMETER = '#1f3a5f';
/** Street names: dark grey, 4.5:1 and more against the map's background and the perimeter's fill. */
const STREET_TEXT = '#4a4a4a';

/**
 * The downtown map as vector graphics: geometry projected by PostGIS (metres, y down), drawn as
 * SVG so it stays sharp in print and in the PDF at any zoom. Markers have the dashboard map's shapes
 * (a status is told by shape as well as colour, so a black-and-white printout reads too) and dark
 * outline (the light fills alone have less than 3:1 against the background); units outside the
 * perimeter are drawn smaller, with a second ring, as on the dashboard map.
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
  // the marker's size: its circle has the radius the report's dots had (max(4, w/170))
  const size = 2.5 * Math.max(4, w / 170);
  const outsideSize = 0.75 * size;
  const ring = (outsideSize / 2) * MARKER_SHAPE_REACH + 0.1 * size; // clear of the triangle's corners
  const streetFont = 13 * unit;
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
        <g key={i}>
          {!u.insidePerimeter && (
            <circle cx={u.x} cy={u.y} r={ring} fill="none" stroke={MARKER_OUTLINE} strokeWidth={1 * unit} />
          )}
          <path
            d={markerShapePath(STATUS_SHAPES[u.status], u.x, u.y, u.insidePerimeter ? size : outsideSize)}
            fill={STATUS_COLORS[u.status]}
            stroke={MARKER_OUTLINE}
            strokeWidth={1.2 * unit}
            strokeLinejoin="round"
            data-status={u.status}
            data-shape={STATUS_SHAPES[u.status]}
          />
        </g>
      ))}
      {/* street names for orientation (the map has no basemap), where they cover fewest markers */}
      <g data-testid="report-map-streets" aria-hidden="true">
        {placeStreetLabels(map.streets, map.units, map, { fontSize: streetFont, markerSize: size }).map(
          (s) => (
            <text
              key={s.name}
              x={s.x}
              y={s.y}
              transform={s.angle ? `rotate(${s.angle} ${s.x} ${s.y})` : undefined}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={streetFont}
              fontStyle="italic"
              fill={STREET_TEXT}
              stroke={BACKGROUND}
              strokeWidth={3 * unit}
              strokeLinejoin="round"
              paintOrder="stroke"
              data-street={s.name}
            >
              {s.name}
            </text>
          ),
        )}
      </g>
      <ScaleBar w={w} h={h} unit={unit} lang={lang} />
      <NorthArrow w={w} unit={unit} />
      <MapAttribution w={w} h={h} unit={unit} text={map.attribution} />
    </svg>
  );
}
