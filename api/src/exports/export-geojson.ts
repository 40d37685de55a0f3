import type { ExportedStorefront } from './exports.repository.js';

/** Storefronts as a GeoJSON FeatureCollection (RFC 7946, [lon, lat]); properties are the table's columns. */
export function storefrontFeatures(columns: string[], rows: ExportedStorefront[]) {
  const properties = columns.filter((c) => c !== 'lon' && c !== 'lat') as (keyof ExportedStorefront)[];
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.storefrontId,
      geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] },
      properties: Object.fromEntries(properties.map((p) => [p, r[p]])),
    })),
  };
}
