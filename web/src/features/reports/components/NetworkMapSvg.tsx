import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkMapTown, NetworkReportMap } from '../api/report-types';
import { classColor, NO_DATA_FILL, NO_DATA_HATCH, placeLabels, textWidth } from '../network-map-style';
import { formatKpi, type ReportLang } from '../report-format';
import { furnitureBoxes, MapAttribution, NorthArrow, ScaleBar } from './MapFurniture';

const BACKGROUND = '#f4f1ea';
const BOUNDARY = '#3b3b3b';

/** A pattern id unique in the document (React's ids contain characters `url(#…)` does not like). */
export function useHatchId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** The "keine Daten" fill: grey diagonal hatch on white, `size` the distance between the lines. */
export function NoDataPattern({ id, size, stroke }: { id: string; size: number; stroke: number }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={size} height={size} patternTransform="rotate(45)">
      <rect width={size} height={size} fill={NO_DATA_FILL} />
      <path d={`M0 0 V${size}`} stroke={NO_DATA_HATCH} strokeWidth={stroke} />
    </pattern>
  );
}

/**
 * The network's overview map: each visible member town's municipal boundary, projected by PostGIS
 * (metres, y down), filled with the colour of its vacancy class on the date ("keine Daten" hatched),
 * labelled with its name and rate. Vector graphics, so it prints sharp on A4 and in the PDF.
 */
export function NetworkMapSvg({
  map,
  date,
  lang,
}: {
  map: NetworkReportMap;
  date: string;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const hatch = useHatchId('network-map-hatch');
  const { width: w, height: h } = map;
  const unit = w / 1000; // 1/1000 of the frame width, the drawing's unit for sizes
  const nameSize = 17 * unit;
  const rateSize = 15 * unit;
  const rateText = (town: NetworkMapTown): string =>
    town.vacancyRate === null
      ? t('reports.networkMap.noDataShort')
      : formatKpi('share', town.vacancyRate, lang);
  const labels = placeLabels(
    map.towns.map((town) => ({
      key: town.cityId,
      x: town.labelX,
      y: town.labelY,
      width: Math.max(textWidth(town.name, nameSize), textWidth(rateText(town), rateSize)) + 8 * unit,
      height: nameSize + rateSize + 8 * unit,
    })),
    map,
    furnitureBoxes({ w, h, unit }),
  );
  return (
    <svg
      className="report-map report-network-map"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={t('reports.networkMap.label', { network: map.network.name, date, count: map.towns.length })}
      data-testid="network-map"
    >
      <defs>
        <NoDataPattern id={hatch} size={9 * unit} stroke={2 * unit} />
      </defs>
      <rect x={0} y={0} width={w} height={h} fill={BACKGROUND} />
      {map.towns.map((town) => {
        const fill = classColor(town.vacancyClass) ?? `url(#${hatch})`;
        const common = {
          fill,
          stroke: BOUNDARY,
          strokeWidth: 1.6 * unit,
          'data-town': town.slug,
          'data-vacancy-class': town.vacancyClass ?? 'none',
        };
        return town.boundaryPath ? (
          <path key={town.cityId} d={town.boundaryPath} fillRule="evenodd" {...common} />
        ) : (
          <circle key={town.cityId} cx={town.centreX} cy={town.centreY} r={20 * unit} {...common} />
        );
      })}
      <g aria-hidden="true" fontFamily="sans-serif" textAnchor="middle" fill="#1a1a1a">
        {map.towns.map((town) => {
          const at = labels.get(town.cityId) ?? { x: town.labelX, y: town.labelY };
          const top = at.y - (nameSize + rateSize + 8 * unit) / 2;
          const halo = {
            paintOrder: 'stroke',
            stroke: '#ffffff',
            strokeWidth: 4 * unit,
            strokeLinejoin: 'round',
          } as const;
          return (
            <text key={town.cityId} {...halo}>
              <tspan x={at.x} y={top + 4 * unit + nameSize * 0.85} fontSize={nameSize} fontWeight={700}>
                {town.name}
              </tspan>
              <tspan x={at.x} y={top + 4 * unit + nameSize + rateSize * 0.9} fontSize={rateSize}>
                {rateText(town)}
              </tspan>
            </text>
          );
        })}
      </g>
      <ScaleBar w={w} h={h} unit={unit} lang={lang} />
      <NorthArrow w={w} unit={unit} />
      <MapAttribution w={w} h={h} unit={unit} text={map.attribution} />
    </svg>
  );
}
