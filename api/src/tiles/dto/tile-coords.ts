import { DomainError } from '../../common/domain-error.js';

export interface TileCoords {
  z: number;
  x: number;
  y: number;
}

export const MAX_TILE_ZOOM = 22;

/**
 * Parses `z/x/y` from the path. z in 0..22, x and y in 0..2^z-1; anything else is a
 * VALIDATION_FAILED (400) naming the offending part. A trailing `.pbf`/`.mvt` on y is accepted.
 */
export function parseTileCoords(z: string, x: string, y: string): TileCoords {
  const yDigits = y.replace(/\.(pbf|mvt)$/, '');
  const fields: { field: string; problems: string[] }[] = [];
  const int = (field: string, raw: string): number => {
    if (!/^\d{1,8}$/.test(raw)) {
      fields.push({ field, problems: [`${field} must be a non-negative integer`] });
      return -1;
    }
    return Number(raw);
  };
  const zoom = int('z', z);
  const col = int('x', x);
  const row = int('y', yDigits);
  if (zoom > MAX_TILE_ZOOM)
    fields.push({ field: 'z', problems: [`z must be between 0 and ${MAX_TILE_ZOOM}`] });
  if (zoom >= 0 && zoom <= MAX_TILE_ZOOM) {
    const max = 2 ** zoom - 1;
    if (col > max) fields.push({ field: 'x', problems: [`x must be between 0 and ${max} at zoom ${zoom}`] });
    if (row > max) fields.push({ field: 'y', problems: [`y must be between 0 and ${max} at zoom ${zoom}`] });
  }
  if (fields.length > 0) {
    const summary = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', `This is not a valid tile address — ${summary}`, { fields });
  }
  return { z: zoom, x: col, y: row };
}
