import { queryString } from '../../lib/api-client';
import type { ApiFilterParams } from '../filters/filter-state';

/** Absolute tile URL template (MapLibre fetches tiles from a worker, so relative URLs don't resolve). */
export function storefrontTileUrl(origin: string, filter: ApiFilterParams, revision: number): string {
  const qs = queryString({ ...filter, v: revision || undefined });
  return `${origin}/api/tiles/storefronts/{z}/{x}/{y}${qs}`;
}
