import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  properties: Record<string, string | number | boolean>;
  /** The first point of the geometry in tile coordinates, `x y`. */
  at: string;
}

/** A vector tile's layers and their features, in the tile's order. */
export function decode(body: Buffer): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new PbfReader(body));
  const layers: Record<string, DecodedFeature[]> = {};
  for (const name of Object.keys(tile.layers)) {
    const layer = tile.layers[name]!;
    layers[name] = Array.from({ length: layer.length }, (_, i) => {
      const feature = layer.feature(i);
      const [first] = feature.loadGeometry()[0] ?? [];
      return { properties: feature.properties, at: first ? `${first.x} ${first.y}` : '' };
    });
  }
  return layers;
}

/**
 * The same, each layer's features in a fixed order (by their properties and position): a tile's
 * feature order follows the query plan, which is no part of what it says.
 */
export function decodeUnordered(body: Buffer): Record<string, DecodedFeature[]> {
  const layers = decode(body);
  const key = (f: DecodedFeature): string => JSON.stringify([f.properties, f.at]);
  for (const name of Object.keys(layers)) layers[name]!.sort((a, b) => key(a).localeCompare(key(b)));
  return layers;
}
