import { hash } from 'node:crypto';
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

/** What the tiles of one map view share: the filter (never changed once made) and its cache key. */
interface FilterPlan {
  readonly filter: Readonly<StorefrontFilter>;
  /** The filter as JSON, the town list by its scope's key: the part of a tile's cache key after `?`. */
  readonly key: string;
}

/** Plans per query object are dropped beyond this many town sets (one per kind of viewer, normally). */
const MAX_SCOPES_PER_QUERY = 100;

/**
 * Serves storefront vector tiles. A tile is identified by its address and its filter; it is
 * rebuilt only when the data version (database fingerprint + in-process write counter) changes.
 */
@Injectable()
export class TilesService {
  private readonly scopes = new TownScopes();
  /**
   * Filter plans by query object and town set. TileLane keeps one query object per query string, so
   * the tiles of a map view share the filter, its key and (TilesRepository) its SQL; a pipeline
   * request's new query object gets a plan of its own.
   */
  private readonly plans = new WeakMap<TileQueryDto, Map<TownScope | undefined, FilterPlan>>();
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
    const scope = cityIds === undefined ? undefined : this.scopes.of(cityIds);
    const plan = this.planOf(query, scope);
    const { filter } = plan;
    const key = `${tile.z}/${tile.x}/${tile.y}?${plan.key}`;
    const version = await this.invalidator.version(filter.cityIds);
    const etag = `"${hash('sha1', `${key}|${version}`, 'base64url')}"`;
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

  /** The query's plan for the town set; made anew when the query has no date and the day has changed. */
  private planOf(query: TileQueryDto, scope: TownScope | undefined): FilterPlan {
    let byScope = this.plans.get(query);
    if (!byScope) this.plans.set(query, (byScope = new Map<TownScope | undefined, FilterPlan>()));
    const known = byScope.get(scope);
    if (known && (query.asOf !== undefined || known.filter.asOf === todayIso())) return known;
    const filter = toFilter(query);
    if (scope) filter.cityIds = scope.ids;
    const plan: FilterPlan = {
      filter: Object.freeze(filter),
      key: JSON.stringify({ ...filter, cityIds: scope?.key }),
    };
    if (byScope.size >= MAX_SCOPES_PER_QUERY) byScope.clear();
    byScope.set(scope, plan);
    return plan;
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

export function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
