import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { storefrontFilterSql, type StorefrontFilter } from '../storefronts/storefront-filter.js';
import type { TileCoords } from './dto/tile-coords.js';

/** From this zoom on a tile carries every storefront; below it, aggregates per grid cell. */
export const POINT_MIN_ZOOM = 13;
const EXTENT = 4096;
const WORLD_WIDTH_3857 = 40075016.685578488;
/** Cells per tile edge at low zooms: 32 × 32 cells, 16 screen pixels each on a 512 px tile. */
const CELLS_PER_TILE = 32;

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
  constructor(private readonly db: DataSource) {}

  /** Layer `storefronts`: one point per unit with the properties the map styles and tooltips need. */
  async pointTile(tile: TileCoords, filter: StorefrontFilter): Promise<Buffer> {
    const params: unknown[] = [];
    const from = storefrontFilterSql(filter, params);
    const env = envelope(tile, params);
    const sql = `
      WITH rows AS (
        SELECT s.id::text AS id,
               cur.status,
               cur.use_category,
               s.street,
               s.house_number,
               to_char(cur.status_since, 'YYYY-MM-DD') AS status_since,
               COALESCE(ST_Intersects(c.perimeter, s.location), false) AS inside_perimeter,
               ST_AsMVTGeom(ST_Transform(s.location, 3857), ${env.tile}, ${EXTENT}, 64, true) AS geom
        ${from}
          AND s.location && ST_Transform(${env.tileWithMargin}, 4326)
      )
      SELECT ST_AsMVT(rows, 'storefronts', ${EXTENT}, 'geom') AS mvt FROM rows WHERE geom IS NOT NULL`;
    return this.mvt(sql, params);
  }

  /**
   * Layer `storefront_cells`: units, vacant units and vacancy share per square grid cell (snapped in
   * EPSG:3857 to cell centres, so every cell lies wholly in one tile). Computed on the fly, which is
   * fine for a few towns; a national data set would need a pre-aggregated grid table (see
   * ../shared/SETUP-NOTES.md: z5 over 1.2 M points ~1.5 s on the fly, ~65 ms pre-aggregated).
   */
  async cellTile(tile: TileCoords, filter: StorefrontFilter): Promise<Buffer> {
    const params: unknown[] = [];
    const from = storefrontFilterSql(filter, params);
    const env = envelope(tile, params);
    params.push(cellSizeAt(tile.z));
    const cell = `$${params.length}::float8`;
    const sql = `
      WITH units AS (
        SELECT ST_SnapToGrid(ST_Transform(s.location, 3857), ${cell} / 2, ${cell} / 2, ${cell}, ${cell}) AS centre,
               cur.status
        ${from}
          AND s.location && ST_Transform(${env.tile}, 4326)
      ),
      cells AS (
        SELECT centre, count(*)::int AS units, (count(*) FILTER (WHERE status = 'vacant'))::int AS vacant
        FROM units GROUP BY centre
      ),
      rows AS (
        SELECT units, vacant, round(vacant::numeric / units, 4)::float8 AS vacancy_share,
               ST_AsMVTGeom(centre, ${env.tile}, ${EXTENT}, 0, true) AS geom
        FROM cells
      )
      SELECT ST_AsMVT(rows, 'storefront_cells', ${EXTENT}, 'geom') AS mvt FROM rows WHERE geom IS NOT NULL`;
    return this.mvt(sql, params);
  }

  /**
   * A cheap fingerprint of the data a tile depends on: latest change and row count of storefronts,
   * occupancy periods, intervention links and towns (counts catch deletes), scoped to one town
   * when the filter names one. Index-only work on a town's rows; one round trip.
   */
  async dataVersion(cityIds: string[] | undefined): Promise<string> {
    const scoped = cityIds?.length ? 'WHERE city_id = ANY($1::uuid[])' : 'WHERE $1::uuid[] IS NULL';
    const cityScope = cityIds?.length ? 'WHERE id = ANY($1::uuid[])' : 'WHERE $1::uuid[] IS NULL';
    const [row] = await this.db.query<{ version: string }[]>(
      `SELECT concat_ws(':',
         (SELECT count(*) || '@' || coalesce(extract(epoch FROM max(updated_at)), 0) FROM storefronts ${scoped}),
         (SELECT count(*) || '@' || coalesce(extract(epoch FROM max(updated_at)), 0) FROM occupancy_periods ${scoped}),
         (SELECT count(*) FROM intervention_storefronts ${scoped}),
         (SELECT coalesce(extract(epoch FROM max(updated_at)), 0) FROM cities ${cityScope})
       ) AS version`,
      [cityIds?.length ? cityIds : null],
    );
    return row?.version ?? '';
  }

  private async mvt(sql: string, params: unknown[]): Promise<Buffer> {
    const [row] = await this.db.query<{ mvt: Buffer | null }[]>(sql, params);
    return row?.mvt ?? Buffer.alloc(0);
  }
}

function envelope(tile: TileCoords, params: unknown[]): { tile: string; tileWithMargin: string } {
  params.push(tile.z, tile.x, tile.y);
  const n = params.length;
  const zxy = `$${n - 2}::int, $${n - 1}::int, $${n}::int`;
  return {
    tile: `ST_TileEnvelope(${zxy})`,
    tileWithMargin: `ST_TileEnvelope(${zxy}, margin => ${64 / EXTENT})`,
  };
}
