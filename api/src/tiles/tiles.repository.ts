import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pgTextArray, storefrontFilterSql, type StorefrontFilter } from '../storefronts/storefront-filter.js';
import { OCCUPANCY_STATUSES, type OccupancyStatus } from '../storefronts/storefront.types.js';
import type { TileCoords } from './dto/tile-coords.js';
import { TileQueries } from './tile-queries.js';

/** From this zoom on a tile carries every storefront; below it, aggregates per grid cell. */
export const POINT_MIN_ZOOM = 13;
/** Up to this zoom cells come from the pre-aggregated grid `tile_grid_cells` (migration AddTileGrid). */
export const GRID_MAX_ZOOM = 10;
/** Up to this zoom from its coarse level `tile_grid_coarse` (8 × 8 fine cells each, migration TileGridLocks). */
export const COARSE_GRID_MAX_ZOOM = 7;
const EXTENT = 4096;
const WORLD_WIDTH_3857 = 40075016.685578488;
/** Cells per tile edge at low zooms: 32 × 32 cells, 16 screen pixels each on a 512 px tile. */
const CELLS_PER_TILE = 32;

/** The status columns of `tile_grid_cells`: one per status, named like it. */
const GRID_STATUSES: readonly OccupancyStatus[] = OCCUPANCY_STATUSES;

const HALF_WORLD = WORLD_WIDTH_3857 / 2;

/**
 * Tiles leave the database as base64 text, not as bytea: node-postgres reads results as text, and a
 * bytea's text form is hex — twice the bytes, and decoding it took about a third of the API's CPU per
 * 70 KB tile (base64: a quarter of that). Same SQL for the API and the pgbench comparator.
 */
const asText = (mvt: string): string => `encode(${mvt}, 'base64')`;
const fromText = (text: string | null | undefined): Buffer =>
  text ? Buffer.from(text, 'base64') : Buffer.alloc(0);
/** Centre of cell (px, py) of width `cell` in EPSG:3857. */
const cellCentre = (px: string, py: string, cell: string): string =>
  `ST_SetSRID(ST_MakePoint((${px}::float8 + 0.5) * ${cell} - ${HALF_WORLD}, ${HALF_WORLD} - (${py}::float8 + 0.5) * ${cell}), 3857)`;

/**
 * Centre of the cell in column `col`, row `row` of its tile (0–31, from the top left) in the tile's
 * own coordinates (0–EXTENT, y down): what ST_AsMVTGeom makes of `cellCentre`, to the same integers,
 * without projecting and clipping each point (a z5 tile over Germany: ≈ 1.4 ms → 0.8 ms for its
 * ~300 cells). Only for cells known to lie in the tile (the grid's are selected by tile).
 */
const cellCentreInTile = (col: string, row: string): string =>
  `ST_MakePoint(((${col}) * ${EXTENT / CELLS_PER_TILE} + ${EXTENT / CELLS_PER_TILE / 2})::float8,
                ((${row}) * ${EXTENT / CELLS_PER_TILE} + ${EXTENT / CELLS_PER_TILE / 2})::float8)`;

/** Width of one aggregation cell in EPSG:3857 metres at zoom z (tile edges fall on cell edges). */
export function cellSizeAt(z: number): number {
  return WORLD_WIDTH_3857 / 2 ** z / CELLS_PER_TILE;
}

/**
 * Tile SQL for storefronts. Every query reuses `storefrontFilterSql`, so a tile shows exactly what
 * the list and the counts show for the same filter and date; the tile envelope is one more
 * `&&` condition that the GiST index on `storefronts.location` answers.
 */
@Injectable()
export class TilesRepository {
  constructor(
    private readonly db: DataSource,
    private readonly queries: TileQueries,
  ) {}

  /** Layer `storefronts`: one point per unit with the properties the map styles and tooltips need. */
  pointTile(tile: TileCoords, filter: StorefrontFilter): Promise<Buffer> {
    const { sql, params } = pointTileSql(tile, filter);
    return this.mvt(sql, params);
  }

  /** See cellTileSql. */
  cellTile(tile: TileCoords, filter: StorefrontFilter): Promise<Buffer> {
    const { sql, params } = cellTileSql(tile, filter);
    return this.mvt(sql, params);
  }

  /**
   * Layer `storefront_cells` for z <= GRID_MAX_ZOOM from `tile_grid_cells` (z <= 7 from its coarse
   * level `tile_grid_coarse`): the grid's cells of the tile summed into the tile's 32 × 32 cells (same cells, centres and properties as `cellTile`).
   * Only the filters the grid keeps apply (towns, statuses); `exact` is false when a cell's counts
   * are not valid on `asOf` (computed later, or a recorded change lies between) — then the caller
   * falls back to `cellTile`.
   */
  async gridTile(
    tile: TileCoords,
    filter: Pick<StorefrontFilter, 'asOf' | 'cityIds' | 'statuses'>,
  ): Promise<{ exact: boolean; body: Buffer }> {
    // Zooms <= 7 read the coarse level (a row = 8 × 8 fine cells): 64 × fewer rows to sum, same cells.
    const level =
      tile.z <= COARSE_GRID_MAX_ZOOM
        ? { table: 'tile_grid_coarse', x: 'cx', y: 'cy', zoom: COARSE_GRID_MAX_ZOOM }
        : { table: 'tile_grid_cells', x: 'ix', y: 'iy', zoom: GRID_MAX_ZOOM };
    const shift = level.zoom - tile.z;
    const span = CELLS_PER_TILE << shift;
    const params: unknown[] = [filter.asOf, tile.x * span, tile.y * span, span, shift];
    // Column names from a fixed list (statuses are validated, and filtered here once more).
    const statuses = GRID_STATUSES.filter((st) => !filter.statuses || filter.statuses.includes(st));
    const units = statuses.length ? statuses.map((st) => `g.${st}`).join(' + ') : '0';
    const vacant = statuses.includes('vacant') ? 'g.vacant' : '0';
    let towns = '';
    if (filter.cityIds !== undefined) {
      params.push(pgTextArray(filter.cityIds));
      towns = `AND g.city_id = ANY($${params.length}::uuid[])`;
    }
    // One pass over the fine cells: sums and validity per tile cell, read twice (validity, rows); a
    // geometry per tile cell (300 at z5), never per fine cell (7,800).
    const sql = `
      WITH cells AS MATERIALIZED (
        SELECT g.${level.x} >> $5::int AS px, g.${level.y} >> $5::int AS py,
               sum(${units})::int AS units, sum(${vacant})::int AS vacant,
               bool_and(g.computed_on <= $1::date AND (g.stale_from IS NULL OR $1::date < g.stale_from)) AS valid
        FROM ${level.table} g
        WHERE g.${level.x} >= $2::int AND g.${level.x} < $2::int + $4::int
          AND g.${level.y} >= $3::int AND g.${level.y} < $3::int + $4::int ${towns}
        GROUP BY 1, 2
      ),
      rows AS (
        SELECT units, vacant, round(vacant::numeric / units, 4)::float8 AS vacancy_share,
               ${cellCentreInTile('px - ($2::int >> $5::int)', 'py - ($3::int >> $5::int)')} AS geom
        FROM cells WHERE units > 0
      )
      SELECT (SELECT COALESCE(bool_and(valid), true) FROM cells) AS exact,
             (SELECT ${asText(`ST_AsMVT(rows, 'storefront_cells', ${EXTENT}, 'geom')`)} FROM rows) AS mvt`;
    const row = await this.queries.first<{ exact: boolean; mvt: string | null }>(sql, params);
    return { exact: row?.exact ?? false, body: fromText(row?.mvt) };
  }

  /** Recounts the grid cells whose counts a recorded change has made stale by `asOf`. */
  async refreshStaleGridCells(asOf: string): Promise<void> {
    await this.db.query(
      `SELECT tile_grid_recount(jsonb_agg(stale))
       FROM (SELECT city_id, ix, iy FROM tile_grid_cells WHERE stale_from <= $1::date) stale
       HAVING count(*) > 0`,
      [asOf],
    );
  }

  private async mvt(sql: string, params: unknown[]): Promise<Buffer> {
    const row = await this.queries.first<{ mvt: string | null }>(sql, params);
    return fromText(row?.mvt);
  }
}

/** The tile's envelope from parameters n + 1, n + 2 and n + 3 (z, x, y). */
function envelope(n: number): { tile: string; tileWithMargin: string } {
  const zxy = `$${n + 1}::int, $${n + 2}::int, $${n + 3}::int`;
  return {
    tile: `ST_TileEnvelope(${zxy})`,
    tileWithMargin: `ST_TileEnvelope(${zxy}, margin => ${64 / EXTENT})`,
  };
}

/** A tile statement without the tile: the tile's own parameters (z, x, y …) follow `params`. */
interface TileStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * A statement builder remembered per filter object: the tiles of a map view share one filter
 * (TilesService), so its SQL is built once and is one string, whose hash the statement-name lookup
 * (TileQueries) then computes once instead of for every tile.
 */
function perFilter(
  build: (filter: StorefrontFilter) => TileStatement,
): (filter: StorefrontFilter) => TileStatement {
  const statements = new WeakMap<StorefrontFilter, TileStatement>();
  return (filter) => {
    let statement = statements.get(filter);
    if (!statement) {
      statement = Object.freeze(build(filter));
      statements.set(filter, statement);
    }
    return statement;
  };
}

/** Layer `storefronts` (z >= POINT_MIN_ZOOM): one point per unit with the properties the map styles and tooltips need. */
export function pointTileSql(tile: TileCoords, filter: StorefrontFilter): { sql: string; params: unknown[] } {
  const { sql, params } = pointStatement(filter);
  return { sql, params: [...params, tile.z, tile.x, tile.y] };
}

const pointStatement = perFilter((filter) => {
  const params: unknown[] = [];
  const from = storefrontFilterSql(filter, params);
  const env = envelope(params.length);
  const sql = `
    WITH rows AS (
      SELECT s.id::text AS id,
             cur.status,
             cur.use_category,
             s.street,
             s.house_number,
             to_char(cur.status_since, 'YYYY-MM-DD') AS status_since,
             s.inside_perimeter,
             ST_AsMVTGeom(ST_Transform(s.location, 3857), ${env.tile}, ${EXTENT}, 64, true) AS geom
      ${from}
        AND s.location && ST_Transform(${env.tileWithMargin}, 4326)
    )
    SELECT ${asText(`ST_AsMVT(rows, 'storefronts', ${EXTENT}, 'geom')`)} AS mvt FROM rows WHERE geom IS NOT NULL`;
  return { sql, params };
});

/**
 * Layer `storefront_cells`: units, vacant units and vacancy share per square grid cell, computed on
 * the fly (any filter, any date). Cell (px, py) of zoom z is `floor((x + W/2) / cell_z)`,
 * `floor((W/2 − y) / cell_z)` in EPSG:3857 — the same arithmetic as the pre-aggregated grid, whose
 * fine cells (zoom 10) shifted right by 10 − z give exactly these cells — so every cell lies wholly
 * in one tile and both paths draw identical cells at their centres. Scans every unit in the tile:
 * fine for a few towns; nation-wide low zooms come from `gridTile` (../shared/SETUP-NOTES.md:
 * z5 over 1.2 M points ~1.5 s on the fly).
 */
export function cellTileSql(tile: TileCoords, filter: StorefrontFilter): { sql: string; params: unknown[] } {
  const { sql, params } = cellStatement(filter);
  return { sql, params: [...params, tile.z, tile.x, tile.y, cellSizeAt(tile.z)] };
}

/** `cellTileSql` without the tile: z, x, y and the cell width follow `params`. */
const cellStatement = perFilter((filter) => {
  const params: unknown[] = [];
  const from = storefrontFilterSql(filter, params);
  const env = envelope(params.length);
  const cell = `$${params.length + 4}::float8`;
  const sql = `
    WITH units AS (
      SELECT ST_Transform(s.location, 3857) AS p, cur.status
      ${from}
        AND s.location && ST_Transform(${env.tile}, 4326)
    ),
    cells AS MATERIALIZED (
      SELECT floor((ST_X(p) + ${HALF_WORLD}) / ${cell})::int AS px, floor((${HALF_WORLD} - ST_Y(p)) / ${cell})::int AS py,
             count(*)::int AS units, (count(*) FILTER (WHERE status = 'vacant'))::int AS vacant
      FROM units GROUP BY 1, 2
    ),
    rows AS (
      SELECT units, vacant, round(vacant::numeric / units, 4)::float8 AS vacancy_share,
             ST_AsMVTGeom(${cellCentre('px', 'py', cell)}, ${env.tile}, ${EXTENT}, 0, true) AS geom
      FROM cells
    )
    SELECT ${asText(`ST_AsMVT(rows, 'storefront_cells', ${EXTENT}, 'geom')`)} AS mvt FROM rows WHERE geom IS NOT NULL`;
  return { sql, params };
});
