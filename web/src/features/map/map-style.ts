import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { OCCUPANCY_STATUSES, type CityDetail } from '../../lib/domain';
import { MARKER_OUTLINE, STATUS_COLORS, VACANCY_RATE_STEPS } from './colors';

/** Zoom from which tiles carry single storefronts (api/src/tiles/tiles.repository.ts POINT_MIN_ZOOM). */
export const POINT_MIN_ZOOM = 13;
export const BKG_ATTRIBUTION = '© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)';
export const OSM_ATTRIBUTION = '© OpenStreetMap-Mitwirkende (ODbL)';
export const BACKGROUND_COLOR = '#f4f1ea';

export const STOREFRONT_LAYER = 'storefronts-points';
export const CELL_LAYER = 'storefronts-cells';
export const HEATMAP_LAYERS = ['vacancy-heatmap-points', 'vacancy-heatmap-cells'] as const;
export const SELECTED_LAYER = 'storefronts-selected';
/** A second, outer ring around the units outside the downtown perimeter (not counted in the KPIs). */
export const OUTSIDE_RING_LAYER = 'storefronts-outside-ring';
/** A marker's radius by zoom, plus `extra` pixels (zoom may only feed a top-level interpolate). */
const markerRadius = (extra = 0): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  13,
  3.5 + extra,
  16,
  7 + extra,
  19,
  12 + extra,
];

export interface Overlay {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

const statusColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ...OCCUPANCY_STATUSES.flatMap((s) => [s, STATUS_COLORS[s]]),
  '#777777',
] as unknown as ExpressionSpecification;

const rateColor: ExpressionSpecification = [
  'step',
  ['get', 'vacancy_share'],
  VACANCY_RATE_STEPS[0]!.color,
  ...VACANCY_RATE_STEPS.slice(1).flatMap((s) => [s.from, s.color]),
] as unknown as ExpressionSpecification;

function townFeatures(city: CityDetail | undefined): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  if (city?.boundary)
    features.push({ type: 'Feature', properties: { kind: 'boundary' }, geometry: city.boundary });
  if (city?.perimeter)
    features.push({ type: 'Feature', properties: { kind: 'perimeter' }, geometry: city.perimeter });
  return { type: 'FeatureCollection', features };
}

/**
 * Sources and layers the dashboard draws on top of any basemap: municipal boundary, downtown
 * perimeter, storefront tiles (grid cells below z13, points from z13), vacancy heatmap, selection.
 */
export function buildOverlay(tileUrl: string, city: CityDetail | undefined, heatmap: boolean): Overlay {
  const heat = heatmap ? 'visible' : 'none';
  return {
    sources: {
      town: { type: 'geojson', data: townFeatures(city), attribution: BKG_ATTRIBUTION },
      storefronts: { type: 'vector', tiles: [tileUrl], minzoom: 0, maxzoom: 16 },
    },
    layers: [
      {
        id: 'boundary-fill',
        type: 'fill',
        source: 'town',
        filter: ['==', ['get', 'kind'], 'boundary'],
        paint: { 'fill-color': '#ebe6da', 'fill-opacity': 0.6 },
      },
      {
        id: 'boundary-line',
        type: 'line',
        source: 'town',
        filter: ['==', ['get', 'kind'], 'boundary'],
        paint: { 'line-color': '#5f5a52', 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
      {
        id: 'perimeter-fill',
        type: 'fill',
        source: 'town',
        filter: ['==', ['get', 'kind'], 'perimeter'],
        paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.55 },
      },
      {
        id: 'perimeter-line',
        type: 'line',
        source: 'town',
        filter: ['==', ['get', 'kind'], 'perimeter'],
        paint: { 'line-color': '#1f3a5f', 'line-width': 2.5 },
      },
      {
        id: HEATMAP_LAYERS[1],
        type: 'heatmap',
        source: 'storefronts',
        'source-layer': 'storefront_cells',
        maxzoom: POINT_MIN_ZOOM,
        layout: { visibility: heat },
        paint: { 'heatmap-weight': ['get', 'vacant'], 'heatmap-radius': 30, 'heatmap-opacity': 0.75 },
      },
      {
        id: CELL_LAYER,
        type: 'circle',
        source: 'storefronts',
        'source-layer': 'storefront_cells',
        maxzoom: POINT_MIN_ZOOM,
        paint: {
          'circle-color': rateColor,
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'units']], 1, 4, 20, 22],
          'circle-stroke-color': '#3b3b3b',
          'circle-stroke-width': 1,
          'circle-opacity': 0.9,
        },
      },
      {
        id: HEATMAP_LAYERS[0],
        type: 'heatmap',
        source: 'storefronts',
        'source-layer': 'storefronts',
        minzoom: POINT_MIN_ZOOM,
        filter: ['==', ['get', 'status'], 'vacant'],
        layout: { visibility: heat },
        paint: {
          'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 13, 15, 18, 60],
          'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 13, 0.6, 18, 1.5],
          'heatmap-opacity': 0.7,
        },
      },
      {
        id: OUTSIDE_RING_LAYER,
        type: 'circle',
        source: 'storefronts',
        'source-layer': 'storefronts',
        minzoom: POINT_MIN_ZOOM,
        filter: ['!', ['get', 'inside_perimeter']],
        paint: {
          'circle-color': 'rgba(0,0,0,0)',
          'circle-radius': markerRadius(3.5),
          'circle-stroke-color': MARKER_OUTLINE,
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: STOREFRONT_LAYER,
        type: 'circle',
        source: 'storefronts',
        'source-layer': 'storefronts',
        minzoom: POINT_MIN_ZOOM,
        paint: {
          'circle-color': statusColor,
          'circle-radius': markerRadius(),
          'circle-stroke-color': MARKER_OUTLINE,
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 2],
        },
      },
      {
        id: SELECTED_LAYER,
        type: 'circle',
        source: 'storefronts',
        'source-layer': 'storefronts',
        minzoom: POINT_MIN_ZOOM,
        filter: ['==', ['get', 'id'], ''],
        paint: {
          'circle-color': 'rgba(0,0,0,0)',
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 8, 16, 12, 19, 18],
          'circle-stroke-color': '#111111',
          'circle-stroke-width': 3,
        },
      },
    ],
  };
}

/** The offline style: no external URLs, no glyphs (hence no text layers). */
export function builtInStyle(overlay: Overlay): StyleSpecification {
  return {
    version: 8,
    name: 'Schaufenster offline',
    sources: overlay.sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      ...overlay.layers,
    ],
  };
}

/** A street basemap with the dashboard's layers on top; the overlay wins on id clashes. */
export function withBasemap(basemap: StyleSpecification, overlay: Overlay): StyleSpecification {
  const ids = new Set(overlay.layers.map((l) => l.id));
  return {
    ...basemap,
    sources: { ...basemap.sources, ...overlay.sources },
    layers: [...basemap.layers.filter((l) => !ids.has(l.id)), ...overlay.layers],
  };
}

/** Does this basemap draw OpenStreetMap data (so OSM must be credited)? */
export function usesOsm(style: StyleSpecification): boolean {
  return /openstreetmap|openmaptiles|osm/i.test(JSON.stringify(style.sources));
}
