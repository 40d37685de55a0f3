import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MultiPolygon } from '../common/geojson.js';
import { idOrSlugCondition } from '../common/id-or-slug.js';
import type { City, CitySummary } from './city.types.js';

const SUMMARY_COLUMNS = `
  c.id, c.slug, c.name, c.official_name AS "officialName", trim(c.ags) AS ags, c.state,
  c.population, c.population_year AS "populationYear", c.population_source AS "populationSource",
  ST_AsGeoJSON(c.centre, 6)::json AS centre,
  c.perimeter_is_placeholder AS "perimeterIsPlaceholder", c.open_data AS "openData", c.version,
  COALESCE((SELECT array_agg(n.slug ORDER BY n.name, n.slug) FROM network_members m JOIN networks n ON n.id = m.network_id
            WHERE m.city_id = c.id), '{}') AS "networkSlugs",
  COALESCE(u.storefronts, 0) AS "storefrontCount", COALESCE(u.synthetic, 0) > 0 AS "isSynthetic",
  (SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)]
     FROM (SELECT COALESCE(c.boundary, c.perimeter)::box2d AS b) e WHERE b IS NOT NULL) AS bbox`;

/** The towns with their unit counts (kept by triggers: migration TownUnitCounts). */
const TOWNS = `cities c LEFT JOIN town_unit_counts u ON u.city_id = c.id`;

const DETAIL_COLUMNS = `${SUMMARY_COLUMNS},
  ST_AsGeoJSON(c.boundary, 6)::json AS boundary, c.boundary_source AS "boundarySource",
  ST_AsGeoJSON(c.perimeter, 6)::json AS perimeter`;

@Injectable()
export class CitiesRepository {
  constructor(private readonly db: DataSource) {}

  list(networkSlug?: string): Promise<CitySummary[]> {
    if (!networkSlug) return this.db.query(`SELECT ${SUMMARY_COLUMNS} FROM ${TOWNS} ORDER BY c.name`);
    return this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${TOWNS}
       WHERE EXISTS (SELECT 1 FROM network_members m JOIN networks n ON n.id = m.network_id
                     WHERE m.city_id = c.id AND n.slug = $1)
       ORDER BY c.name`,
      [networkSlug],
    );
  }

  async find(idOrSlug: string, db: DataSource | EntityManager = this.db): Promise<City | null> {
    const params: unknown[] = [];
    const rows: City[] = await db.query(
      `SELECT ${DETAIL_COLUMNS} FROM ${TOWNS} WHERE ${idOrSlugCondition('c', idOrSlug, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  async lockVersion(em: EntityManager, id: string): Promise<number | null> {
    const rows: { version: number }[] = await em.query(
      `SELECT version FROM cities WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0]?.version ?? null;
  }

  /** Problems PostGIS finds with a polygon (self-intersection …), or null when it is valid. */
  async geometryProblem(em: EntityManager, geometry: MultiPolygon): Promise<string | null> {
    const [row] = await em.query<{ reason: string }[]>(
      `SELECT ST_IsValidReason(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS reason`,
      [JSON.stringify(geometry)],
    );
    return row && row.reason !== 'Valid Geometry' ? row.reason : null;
  }

  /**
   * How a perimeter fits its town: larger than `maxAreaM2`, entirely outside the municipal boundary,
   * reaching more than `marginM` beyond it, or fitting (towns without a boundary: by its area only).
   */
  async perimeterFit(
    em: EntityManager,
    id: string,
    geometry: MultiPolygon,
    maxAreaM2: number,
    marginM: number,
  ): Promise<'fits' | 'too_large' | 'outside' | 'beyond'> {
    const [row] = await em.query<{ fit: 'fits' | 'too_large' | 'outside' | 'beyond' }[]>(
      // (over a degree across it is too large whatever its area; the area on the sphere fails for such)
      `SELECT CASE WHEN ST_XMax(p.g) - ST_XMin(p.g) > 1 OR ST_YMax(p.g) - ST_YMin(p.g) > 1 THEN 'too_large'
                   WHEN ST_Area(p.g::geography) > $3 THEN 'too_large'
                   WHEN c.boundary IS NULL THEN 'fits'
                   WHEN NOT ST_Intersects(c.boundary, p.g) THEN 'outside'
                   WHEN NOT ST_Covers(ST_Buffer(c.boundary::geography, $4)::geometry, p.g) THEN 'beyond'
                   ELSE 'fits' END AS fit
       FROM cities c CROSS JOIN (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS g) p
       WHERE c.id = $1`,
      [id, JSON.stringify(geometry), maxAreaM2, marginM],
    );
    return row?.fit ?? 'outside';
  }

  async setOpenData(em: EntityManager, id: string, openData: boolean): Promise<void> {
    await em.query(`UPDATE cities SET open_data = $2, version = version + 1 WHERE id = $1`, [id, openData]);
  }

  async setPerimeter(em: EntityManager, id: string, geometry: MultiPolygon): Promise<void> {
    await em.query(
      `UPDATE cities SET perimeter = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)),
              perimeter_is_placeholder = false, version = version + 1
       WHERE id = $1`,
      [id, JSON.stringify(geometry)],
    );
  }
}
