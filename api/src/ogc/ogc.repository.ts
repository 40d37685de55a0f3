import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { storefrontFilterSql } from '../storefronts/storefront-filter.js';

export type Bbox = [number, number, number, number];

export interface OgcFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/**
 * The public views of the OGC API: only towns that publish open data, only public fields (no notes,
 * no business names, never contacts). Both collections are read-only.
 */
@Injectable()
export class OgcRepository {
  constructor(private readonly db: DataSource) {}

  async storefronts(q: {
    asOf: string;
    bbox?: Bbox;
    limit: number;
    offset: number;
    id?: string;
  }): Promise<{ features: OgcFeature[]; matched: number }> {
    const params: unknown[] = [];
    const from = storefrontFilterSql({ asOf: q.asOf, bbox: q.bbox }, params);
    let where = ' AND c.open_data';
    if (q.id) {
      params.push(q.id);
      where += ` AND s.id = $${params.length}::uuid`;
    }
    params.push(q.limit, q.offset);
    const rows = await this.db.query<(OgcFeature & { matched: number })[]>(
      `SELECT 'Feature' AS type, s.id, ST_AsGeoJSON(s.location, 7)::json AS geometry,
              json_build_object('town', c.slug, 'townName', c.name, 'street', s.street, 'houseNumber', s.house_number,
                'postcode', s.postcode, 'floorAreaM2', s.floor_area_m2::float8, 'floor', s.floor, 'status', cur.status,
                'useCategory', cur.use_category, 'statusSince', to_char(cur.status_since, 'YYYY-MM-DD'),
                'insidePerimeter', COALESCE(ST_Intersects(c.perimeter, s.location), false), 'asOf', $1::date) AS properties,
              count(*) OVER ()::int AS matched
       ${from}${where}
       ORDER BY s.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const matched = rows[0]?.matched ?? (q.offset > 0 ? await this.countStorefronts(q.asOf, q.bbox) : 0);
    return { features: rows.map(({ matched: _m, ...f }) => f), matched };
  }

  private async countStorefronts(asOf: string, bbox?: Bbox): Promise<number> {
    const params: unknown[] = [];
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n ${storefrontFilterSql({ asOf, bbox }, params)} AND c.open_data`,
      params,
    );
    return row?.n ?? 0;
  }

  async perimeters(q: {
    bbox?: Bbox;
    limit: number;
    offset: number;
    id?: string;
  }): Promise<{ features: OgcFeature[]; matched: number }> {
    const where = `WHERE open_data AND perimeter IS NOT NULL
         AND ($1::float8[] IS NULL OR perimeter && ST_MakeEnvelope($1[1], $1[2], $1[3], $1[4], 4326))
         AND ($2::uuid IS NULL OR id = $2::uuid)`;
    const filter = [q.bbox ?? null, q.id ?? null];
    const rows = await this.db.query<(OgcFeature & { matched: number })[]>(
      `SELECT 'Feature' AS type, id, ST_AsGeoJSON(perimeter, 7)::json AS geometry,
              json_build_object('town', slug, 'townName', name, 'ags', ags, 'state', state,
                                'isPlaceholder', perimeter_is_placeholder) AS properties,
              count(*) OVER ()::int AS matched
       FROM cities ${where}
       ORDER BY name, id LIMIT $3 OFFSET $4`,
      [...filter, q.limit, q.offset],
    );
    // A page past the end has no row to carry the count: count on its own (as for storefronts).
    const matched =
      rows[0]?.matched ??
      (q.offset > 0
        ? (await this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM cities ${where}`, filter))[0]!
            .n
        : 0);
    return { features: rows.map(({ matched: _m, ...f }) => f), matched };
  }

  /**
   * Bounding box of the towns given (`undefined` = every town), else of what the open-data towns
   * publish; null when there is none.
   */
  async extent(cityIds?: readonly string[], everyTown = false): Promise<Bbox | null> {
    const [row] = await this.db.query<{ e: Bbox | null }[]>(
      `SELECT CASE WHEN e IS NULL THEN NULL ELSE ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] END AS e
       FROM (SELECT ST_Extent(COALESCE(boundary::geometry, perimeter::geometry, centre::geometry)) AS e
             FROM cities
             WHERE CASE WHEN $1::boolean THEN true
                        WHEN $2::uuid[] IS NOT NULL THEN id = ANY($2::uuid[])
                        ELSE open_data END) x`,
      [everyTown, cityIds ? [...cityIds] : null],
    );
    return row?.e ?? null;
  }
}
