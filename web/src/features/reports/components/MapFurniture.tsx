import { useTranslation } from 'react-i18next';
import { formatMetres, scaleBarLength, type ReportLang } from '../report-format';
import type { Box } from '../network-map-style';

/**
 * Scale bar, north arrow and attribution of the report maps (town and network), drawn in the map's
 * own coordinates: `w` × `h` metres, sizes in `unit` = 1/1000 of the width. Hidden from assistive
 * technology: the map's accessible name and the report's text carry the content.
 */
interface FurnitureProps {
  w: number;
  h: number;
  unit: number;
}

const FONT = 13;

export function ScaleBar({ w, h, unit, lang }: FurnitureProps & { lang: ReportLang }) {
  const bar = scaleBarLength(w);
  return (
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
        fontSize={FONT * unit}
        textAnchor="middle"
        fill="#222"
        fontFamily="sans-serif"
      >
        {formatMetres(bar, lang)}
      </text>
    </g>
  );
}

export function NorthArrow({ w, unit }: Omit<FurnitureProps, 'h'>) {
  const { t } = useTranslation();
  return (
    <g transform={`translate(${w - 30 * unit} ${36 * unit})`} aria-hidden="true">
      <path
        d={`M0 ${-22 * unit} L${9 * unit} ${8 * unit} L0 ${2 * unit} L${-9 * unit} ${8 * unit} Z`}
        fill="#222"
      />
      <text y={24 * unit} fontSize={FONT * unit} textAnchor="middle" fill="#222" fontFamily="sans-serif">
        {t('reports.map.north')}
      </text>
    </g>
  );
}

export function MapAttribution({ w, h, unit, text }: FurnitureProps & { text: string }) {
  return (
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
        {text}
      </text>
    </g>
  );
}

/** Where the furniture sits (centre boxes), so labels can keep clear of it. */
export function furnitureBoxes({ w, h, unit }: FurnitureProps): Box[] {
  const bar = scaleBarLength(w);
  return [
    { x: 20 * unit + bar / 2, y: h - 32 * unit, width: bar + 16 * unit, height: 40 * unit },
    { x: w - 30 * unit, y: 40 * unit, width: 30 * unit, height: 56 * unit },
    { x: w - 165 * unit, y: h - 11 * unit, width: 330 * unit, height: 22 * unit },
  ];
}
