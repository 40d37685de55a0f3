import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import type { StorefrontFilter } from '../storefronts/storefront-filter.js';
import { isCalendarDate, todayIso } from '../common/validators.js';
import { TileCacheInvalidator } from './data-version.service.js';
import { parseTileCoords, type TileCoords } from './dto/tile-coords.js';
import type { TileQueryDto } from './dto/tile-query.dto.js';
import { LruCache } from '../common/lru-cache.js';
import { TownScopes, type TownScope } from './town-scope.js';
import { GRID_MAX_ZOOM, POINT_MIN_ZOOM, TilesRepository } from './tiles.repository.js';

export interface TileResponse {
  /** 304 when the client's ETag is still current; then `body` is empty. */
  status: 200 | 304;
  etag: string;
  body: Buffer;
  /** The data version the tile was built for, and the towns it covers (undefined = all). */
  version: string;
  cityIds: readonly string[] | undefined;
}

interface CachedTile {
  etag: string;
  body: Buffer;
}

/**
 * Serves storefront vector tiles. A tile is identified by its address and its filter; it is
 * rebuilt only when the data version (database fingerprint + in-process write counter) changes.
 */
@Injectable()
export class TilesService {
  private readonly scopes = new TownScopes();
  private readonly cache = new LruCache<CachedTile>(2000, {
    maxSize: 96 * 2 ** 20,
    sizeOf: (t) => t.body.length,
  });

  constructor(
    private readonly tiles: TilesRepository,
    private readonly invalidator: TileCacheInvalidator,
  ) {}

  /** `cityIds`: the towns the viewer may see (undefined = all); the cache key includes them. */
  async storefrontTile(
    z: string,
    x: string,
    y: string,
    query: TileQueryDto,
    cityIds: readonly string[] | undefined,
    ifNoneMatch?: string,
  ): Promise<TileResponse> {
    const tile = parseTileCoords(z, x, y);
    const filter = toFilter(query);
    const scope = cityIds === undefined ? undefined : this.scopes.of(cityIds);
    if (scope) filter.cityIds = scope.ids;
    const key = cacheKey(tile, filter, scope);
    const version = await this.invalidator.version(filter.cityIds);
    const etag = `"${createHash('sha1').update(`${key}|${version}`).digest('base64url')}"`;
    const answer = { etag, version, cityIds: filter.cityIds };
    if (ifNoneMatch !== undefined && matches(ifNoneMatch, etag))
      return { status: 304, body: Buffer.alloc(0), ...answer };
    const cached = this.cache.get(key);
    if (cached?.etag === etag) return { status: 200, body: cached.body, ...answer };
    const body =
      tile.z >= POINT_MIN_ZOOM ? await this.tiles.pointTile(tile, filter) : await this.cellTile(tile, filter);
    this.cache.set(key, { etag, body });
    return { status: 200, body, ...answer };
  }

  /**
   * Grid cells below POINT_MIN_ZOOM. Up to GRID_MAX_ZOOM from the pre-aggregated grid when it answers
   * the filter exactly (towns, statuses and a date within the grid's validity, normally today);
   * otherwise computed on the fly (historic dates and the other filters at low zoom: slower, same
   * result). A grid made stale by a recorded future change is recounted once and asked again.
   */
  private async cellTile(tile: TileCoords, filter: StorefrontFilter): Promise<Buffer> {
    const { asOf, cityIds, statuses, ...others } = filter;
    const gridAnswers = tile.z <= GRID_MAX_ZOOM && Object.keys(others).length === 0;
    if (gridAnswers) {
      let grid = await this.tiles.gridTile(tile, { asOf, cityIds, statuses });
      if (!grid.exact && asOf >= todayIso()) {
        await this.tiles.refreshStaleGridCells(asOf);
        grid = await this.tiles.gridTile(tile, { asOf, cityIds, statuses });
      }
      if (grid.exact) return grid.body;
    }
    return this.tiles.cellTile(tile, filter);
  }
}

export function toFilter(query: TileQueryDto): StorefrontFilter {
  const asOf = query.asOf ?? todayIso();
  if (query.asOf !== undefined && !isCalendarDate(asOf)) {
    throw new DomainError('VALIDATION_FAILED', `asOf ${asOf} is not a calendar date.`, {
      fields: [{ field: 'asOf', problems: ['asOf must be a calendar date YYYY-MM-DD'] }],
    });
  }
  const filter: StorefrontFilter = { asOf };
  if (query.cityId) filter.cityIds = [query.cityId];
  if (query.status?.length) filter.statuses = [...new Set(query.status)].sort();
  if (query.useCategory?.length) filter.useCategories = [...new Set(query.useCategory)].sort();
  if (query.vacantForMonths !== undefined) filter.vacantForMonths = query.vacantForMonths;
  if (query.hasIntervention !== undefined) filter.hasIntervention = query.hasIntervention;
  if (query.withinPerimeter !== undefined) filter.withinPerimeter = query.withinPerimeter;
  return filter;
}

function cacheKey(tile: TileCoords, filter: StorefrontFilter, scope: TownScope | undefined): string {
  return `${tile.z}/${tile.x}/${tile.y}?${JSON.stringify({ ...filter, cityIds: scope?.key })}`;
}

export function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
