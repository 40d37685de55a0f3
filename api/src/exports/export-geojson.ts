import type { ExportedStorefront } from './exports.repository.js';

/**
 * Storefronts as a GeoJSON FeatureCollection (RFC 7946, [lon, lat]); properties are the table's
 * columns. Written piece by piece while the rows are read: the pieces together are byte for byte
 * `JSON.stringify` of the whole collection. The first piece is produced once the first batch has been
 * read, so a failing query is still answered with an error (export-download.ts).
 */
export async function* geoJsonPieces(
  columns: readonly string[],
  batches: AsyncIterable<ExportedStorefront[]>,
): AsyncGenerator<string> {
  const properties = columns.filter((c) => c !== 'lon' && c !== 'lat') as (keyof ExportedStorefront)[];
  const feature = (r: ExportedStorefront): string =>
    JSON.stringify({
      type: 'Feature',
      id: r.storefrontId,
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: Object.fromEntries(properties.map((p) => [p, r[p]])),
    });
  let head = '{"type":"FeatureCollection","features":[';
  for await (const rows of batches) {
    if (!rows.length) continue;
    yield head + rows.map(feature).join(',');
    head = ',';
  }
  yield head === ',' ? ']}' : `${head}]}`;
}
