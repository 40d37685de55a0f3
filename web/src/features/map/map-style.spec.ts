import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  builtInStyle,
  buildOverlay,
  usesOsm,
  withBasemap,
  OUTSIDE_RING_LAYER,
  STOREFRONT_LAYER,
} from './map-style';
import { MARKER_OUTLINE } from './colors';
import { storefrontTileUrl } from './tile-url';

describe('map style', () => {
  const overlay = buildOverlay('http://x/api/tiles/storefronts/{z}/{x}/{y}', undefined, false);

  it('builds an offline style without external URLs or glyphs', () => {
    const style = builtInStyle(overlay);
    expect(style.glyphs).toBeUndefined();
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
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

  it('outlines every marker dark, and rings the units outside the perimeter a second time', () => {
    const layer = (id: string) =>
      overlay.layers.find((l) => l.id === id) as { paint: object; filter?: unknown };
    expect(layer(STOREFRONT_LAYER).paint).toMatchObject({ 'circle-stroke-color': MARKER_OUTLINE });
    expect(layer(OUTSIDE_RING_LAYER).filter).toEqual(['!', ['get', 'inside_perimeter']]);
    expect(layer(OUTSIDE_RING_LAYER).paint).toMatchObject({ 'circle-stroke-color': MARKER_OUTLINE });
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
