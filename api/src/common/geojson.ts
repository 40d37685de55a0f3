import { DomainError } from './domain-error.js';

export type Position = [number, number];
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

const invalid = (message: string, details?: unknown): DomainError =>
  new DomainError('INVALID_GEOMETRY', message, details);

export function isLonLat(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    value[0] >= -180 &&
    value[0] <= 180 &&
    value[1] >= -90 &&
    value[1] <= 90
  );
}

function ring(value: unknown, where: string): Position[] {
  if (!Array.isArray(value) || value.length < 4) {
    throw invalid(`${where}: a ring needs at least four positions.`);
  }
  const positions = value.map((pos, i) => {
    if (!isLonLat(pos))
      throw invalid(`${where}[${i}]: expected [lon, lat] in EPSG:4326 (lon −180…180, lat −90…90).`);
    return [pos[0], pos[1]] as Position;
  });
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    throw invalid(`${where}: a ring must end where it starts.`);
  return positions;
}

function polygon(value: unknown, where: string): Position[][] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid(`${where}: a polygon needs at least one ring.`);
  return value.map((r, i) => ring(r, `${where}[${i}]`));
}

/**
 * Accepts a Polygon or MultiPolygon — bare, as a Feature, or as a FeatureCollection of them — and
 * returns one MultiPolygon in [lon, lat]. Topology (self-intersection) is checked by PostGIS.
 */
export function toMultiPolygon(input: unknown): MultiPolygon {
  if (typeof input !== 'object' || input === null) throw invalid('Expected a GeoJSON object.');
  const g = input as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown };
  switch (g.type) {
    case 'Polygon':
      return { type: 'MultiPolygon', coordinates: [polygon(g.coordinates, 'coordinates')] };
    case 'MultiPolygon':
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
        throw invalid('coordinates: a MultiPolygon needs at least one polygon.');
      }
      return {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((p, i) => polygon(p, `coordinates[${i}]`)),
      };
    case 'Feature':
      return toMultiPolygon(g.geometry);
    case 'FeatureCollection': {
      if (!Array.isArray(g.features) || g.features.length === 0)
        throw invalid('The FeatureCollection is empty.');
      return {
        type: 'MultiPolygon',
        coordinates: g.features.flatMap((f) => toMultiPolygon(f).coordinates),
      };
    }
    default:
      throw invalid('Expected a Polygon or MultiPolygon (bare, Feature or FeatureCollection).', {
        type: typeof g.type === 'string' ? g.type : null,
      });
  }
}
