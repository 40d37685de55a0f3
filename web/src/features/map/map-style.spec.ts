import { describe, expect, it } from 'vitest';
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { OCCUPANCY_STATUSES } from '../../lib/domain';
import { MARKER_OUTLINE, STATUS_COLORS } from './colors';
import { markerIcon, UNKNOWN_STATUS_ICON } from './marker-icons';
import { STATUS_SHAPES } from './marker-shapes';
import {
  builtInStyle,
  buildOverlay,
  usesOsm,
  withBasemap,
  OUTSIDE_RING_LAYER,
  SELECTED_LAYER,
  STOREFRONT_LAYER,
} from './map-style';
import { storefrontTileUrl } from './tile-url';

describe('map style', () => {
  const overlay = buildOverlay('http://x/api/tiles/storefronts/{z}/{x}/{y}', undefined, false);

  const layer = (id: string) => overlay.layers.find((l) => l.id === id)!;
  /** The storefront layer's icon for a feature of this status, as the `match` expression picks it. */
  const iconOf = (status: string): string => {
    const [op, input, ...cases] = (layer(STOREFRONT_LAYER).layout as { 'icon-image': unknown[] })[
      'icon-image'
    ];
    expect([op, input]).toEqual(['match', ['get', 'status']]);
    const fallback = cases.pop() as string;
    for (let i = 0; i < cases.length; i += 2) if (cases[i] === status) return cases[i + 1] as string;
    return fallback;
  };

  it('builds an offline style without external URLs or glyphs', () => {
    const style = builtInStyle(overlay);
    expect(style.glyphs).toBeUndefined();
    // the only symbol layer is the markers' icons: no text, which would need glyphs
    const symbols = style.layers.filter((l) => l.type === 'symbol');
    expect(symbols.map((l) => l.id)).toEqual([STOREFRONT_LAYER]);
    expect(Object.keys(symbols[0]!.layout ?? {}).filter((k) => k.startsWith('text-'))).toEqual([]);
    expect(style.layers[0]?.type).toBe('background');
    expect(JSON.stringify(style)).not.toMatch(/https:/);
  });

  it('puts the dashboard layers above a basemap', () => {
    const basemap: StyleSpecification = {
      version: 8,
      sources: { osm: { type: 'vector', url: 'https://tiles.example/openmaptiles.json' } },
      layers: [{ id: 'water', type: 'fill', source: 'osm', 'source-layer': 'water' }],
    };
    const style = withBasemap(basemap, overlay);
    expect(style.layers[0]?.id).toBe('water');
    expect(style.layers.at(-2)?.id).toBe(STOREFRONT_LAYER);
    expect(usesOsm(style)).toBe(true);
    expect(usesOsm(builtInStyle(overlay))).toBe(false);
  });

  it('draws each status as an icon of its own shape and colour, every unit even where they overlap', () => {
    const storefronts = layer(STOREFRONT_LAYER);
    expect(storefronts.type).toBe('symbol');
    expect(storefronts.layout).toMatchObject({ 'icon-allow-overlap': true, 'icon-ignore-placement': true });
    const icons = OCCUPANCY_STATUSES.map(iconOf);
    expect(new Set(icons).size).toBe(OCCUPANCY_STATUSES.length);
    for (const status of OCCUPANCY_STATUSES) {
      expect(markerIcon(iconOf(status)), status).toMatchObject({
        shape: STATUS_SHAPES[status],
        fill: STATUS_COLORS[status],
      });
    }
    // vacant units are drawn over the others where markers overlap
    expect(storefronts.layout).toMatchObject({
      'symbol-sort-key': ['case', ['==', ['get', 'status'], 'vacant'], 1, 0],
    });
    // a status this dashboard does not know yet is still drawn, not left out
    expect(iconOf('some_new_status')).toBe(UNKNOWN_STATUS_ICON);
    expect(markerIcon(UNKNOWN_STATUS_ICON)).not.toBeNull();
    // a basemap's own sprite images are not ours to draw
    expect(markerIcon('railway-station')).toBeNull();
  });

  it('grows the markers with the zoom, from about 10 px where single units start', () => {
    const size = (layer(STOREFRONT_LAYER).layout as { 'icon-size': unknown[] })['icon-size'];
    expect(size.slice(0, 3)).toEqual(['interpolate', ['linear'], ['zoom']]);
    const scales = size.slice(3).filter((_, i) => i % 2 === 1) as number[];
    expect(scales).toEqual([...scales].sort((a, b) => a - b));
    expect(size[3]).toBe(13);
    expect((size[4] as number) * 26).toBeGreaterThanOrEqual(9.5); // the drawn shape is 26 px at scale 1
  });

  it('outlines every marker dark, and rings the units outside the perimeter a second time', () => {
    const paintOf = (id: string) => (layer(id) as LayerSpecification & { paint: object }).paint;
    for (const status of [...OCCUPANCY_STATUSES, 'some_new_status'])
      expect(markerIcon(iconOf(status))?.outline, status).toBe(MARKER_OUTLINE);
    expect((layer(OUTSIDE_RING_LAYER) as { filter?: unknown }).filter).toEqual([
      '!',
      ['get', 'inside_perimeter'],
    ]);
    expect(paintOf(OUTSIDE_RING_LAYER)).toMatchObject({ 'circle-stroke-color': MARKER_OUTLINE });
    // the rings stay clear of the markers: larger at every zoom than the widest shape's reach
    const radius = (id: string) => (paintOf(id) as { 'circle-radius': number[] })['circle-radius'];
    const icon = (layer(STOREFRONT_LAYER).layout as { 'icon-size': number[] })['icon-size'];
    for (const id of [OUTSIDE_RING_LAYER, SELECTED_LAYER])
      for (const k of [4, 6, 8]) expect(radius(id)[k]!, id).toBeGreaterThan(icon[k]! * 13 * 1.28 + 1);
    // below the markers, so that the ring lies around them
    const ids = overlay.layers.map((l) => l.id);
    expect(ids.indexOf(OUTSIDE_RING_LAYER)).toBeLessThan(ids.indexOf(STOREFRONT_LAYER));
  });

  it('toggles the heatmap by visibility', () => {
    const on = buildOverlay('u', undefined, true).layers.filter((l) => l.type === 'heatmap');
    expect(on.map((l) => l.layout?.visibility)).toEqual(['visible', 'visible']);
  });

  it('puts the filter and the revision into the tile URL', () => {
    expect(storefrontTileUrl('http://h', { cityId: 'c', status: 'vacant', asOf: '2024-01-01' }, 2)).toBe(
      'http://h/api/tiles/storefronts/{z}/{x}/{y}?cityId=c&status=vacant&asOf=2024-01-01&v=2',
    );
  });
});
