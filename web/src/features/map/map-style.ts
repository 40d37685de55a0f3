import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { OCCUPANCY_STATUSES, type CityDetail } from '../../lib/domain';
import { MARKER_OUTLINE, VACANCY_RATE_STEPS } from './colors';
import { markerIconId, MARKER_SHAPE_SIZE, UNKNOWN_STATUS_ICON } from './marker-icons';
import { MARKER_SHAPE_REACH } from './marker-shapes';

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
/**
 * A storefront marker's size (the shape's box, marker-shapes.ts) in pixels by zoom: ≈ 10 px where
 * single units start, so that the six shapes stay apart, to 28 px close up.
 */
const MARKER_SIZE_STOPS: readonly (readonly [zoom: number, size: number])[] = [
  [13, 10],
  [16, 17.5],
  [19, 28],
];

/** A value derived from the marker size, by zoom (zoom may only feed a top-level interpolate). */
const byMarkerSize = (value: (size: number) => number): ExpressionSpecification =>
  [
    'interpolate',
    ['linear'],
    ['zoom'],
    ...MARKER_SIZE_STOPS.flatMap(([zoom, size]) => [zoom, Math.round(value(size) * 1000) / 1000]),
  ] as unknown as ExpressionSpecification;

/** The icon's scale: the drawn shape (MARKER_SHAPE_SIZE at scale 1) at the marker size. */
const markerIconSize = byMarkerSize((size) => size / MARKER_SHAPE_SIZE);
/** A ring around the marker, clear of the farthest corner of any shape (the triangle's) and its outline. */
const ringAroundMarker = (gap: number): ExpressionSpecification =>
  byMarkerSize((size) => (size / 2) * MARKER_SHAPE_REACH + gap);

export interface Overlay {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

/** Each status's icon: its shape in its colour (marker-icons.ts draws them). */
const statusIcon: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ...OCCUPANCY_STATUSES.flatMap((s) => [s, markerIconId(s)]),
  UNKNOWN_STATUS_ICON,
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
          'circle-radius': ringAroundMarker(3),
          'circle-stroke-color': MARKER_OUTLINE,
          'circle-stroke-width': 1.5,
        },
      },
      {
        // A symbol layer, because circle layers cannot draw shapes: icons only (no text, so the
        // offline style needs no glyphs), every unit drawn even where markers overlap.
        id: STOREFRONT_LAYER,
        type: 'symbol',
        source: 'storefronts',
        'source-layer': 'storefronts',
        minzoom: POINT_MIN_ZOOM,
        layout: {
          'icon-image': statusIcon,
          'icon-size': markerIconSize,
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
          // where markers overlap (a dense street at zoom 13), the vacant ones are drawn on top:
          // they are what the map is read for (with overlap allowed, a higher key draws later)
          'symbol-sort-key': ['case', ['==', ['get', 'status'], 'vacant'], 1, 0],
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
          'circle-radius': ringAroundMarker(4),
          'circle-stroke-color': '#111111',
          'circle-stroke-width': 3,
        },
      },
    ],
  };
}

/** The offline style: no external URLs, no glyphs (hence no text, only the markers' icons). */
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
