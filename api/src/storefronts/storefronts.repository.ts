import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { GeoJsonPoint, OccupancyStatus, Storefront } from './storefront.types.js';
import { storefrontFilterSql, storefrontFromSql, type StorefrontFilter } from './storefront-filter.js';

type Db = DataSource | EntityManager;

export const STOREFRONT_COLUMNS = `
  s.id, s.city_id AS "cityId", s.street, s.house_number AS "houseNumber", s.postcode,
  ST_AsGeoJSON(s.location, 7)::json AS location,
  s.floor_area_m2::float8 AS "floorAreaM2", s.frontage_m::float8 AS "frontageM", s.floor,
  s.reference_id AS "referenceId", s.notes, s.verified_at AS "verifiedAt", s.is_synthetic AS "isSynthetic",
  COALESCE(ST_Intersects(c.perimeter, s.location), false) AS "insidePerimeter",
  (SELECT count(*)::int FROM intervention_storefronts i WHERE i.storefront_id = s.id) AS "interventionCount",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.version,
  CASE WHEN cur.status IS NULL THEN NULL ELSE json_build_object(
    'status', cur.status, 'useCategory', cur.use_category, 'businessName', cur.business_name,
    'validFrom', cur.valid_from, 'validTo', cur.valid_to, 'statusSince', cur.status_since) END AS current`;

/** Units `s` of a street in house-number order: by the number's digits („9“ before „10“), then as written („9a“). */
export const HOUSE_NUMBER_ORDER = `(substring(s.house_number from '^[0-9]+'))::numeric NULLS LAST, s.house_number`;

/** Sort keys the list accepts, each with its SQL; ties broken by id for stable paging. */
export const STOREFRONT_SORTS = {
  street: `s.street, ${HOUSE_NUMBER_ORDER}`,
  floorAreaM2: 's.floor_area_m2',
  status: 'cur.status',
  useCategory: 'cur.use_category',
  statusSince: 'cur.status_since',
  verifiedAt: 's.verified_at',
  updatedAt: 's.updated_at',
  referenceId: 's.reference_id',
} as const;
export type StorefrontSort = keyof typeof STOREFRONT_SORTS;

export interface StorefrontRow {
  cityId: string;
  street: string;
  houseNumber: string;
  postcode: string | null;
  location: GeoJsonPoint;
  floorAreaM2: number | null;
  frontageM: number | null;
  floor: string;
  referenceId: string | null;
  notes: string | null;
}

const COLUMN_OF: Record<keyof Omit<StorefrontRow, 'cityId' | 'location'>, string> = {
  street: 'street',
  houseNumber: 'house_number',
  postcode: 'postcode',
  floorAreaM2: 'floor_area_m2',
  frontageM: 'frontage_m',
  floor: 'floor',
  referenceId: 'reference_id',
  notes: 'notes',
};

@Injectable()
export class StorefrontsRepository {
  constructor(private readonly db: DataSource) {}

  async list(
    filter: StorefrontFilter,
    sort: { key: StorefrontSort; descending: boolean },
    page: { offset: number; limit: number },
  ): Promise<{ items: Storefront[]; total: number }> {
    const params: unknown[] = [];
    const from = storefrontFilterSql(filter, params);
    const direction = sort.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
    const order = STOREFRONT_SORTS[sort.key]
      .split(', ')
      .map((part) => (part.includes('NULLS') ? part : `${part} ${direction}`))
      .join(', ');
    params.push(page.limit, page.offset);
    const rows: (Storefront & { total: number })[] = await this.db.query(
      `SELECT ${STOREFRONT_COLUMNS}, count(*) OVER ()::int AS total ${from}
       ORDER BY ${order}, s.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0]?.total ?? (page.offset > 0 ? await this.count(filter) : 0);
    return { items: rows.map(({ total: _total, ...s }) => s), total };
  }

  async count(filter: StorefrontFilter): Promise<number> {
    const params: unknown[] = [];
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n ${storefrontFilterSql(filter, params)}`,
      params,
    );
    return row?.n ?? 0;
  }

  async countByStatus(filter: StorefrontFilter): Promise<Partial<Record<OccupancyStatus, number>>> {
    const params: unknown[] = [];
    const rows: { status: OccupancyStatus; n: number }[] = await this.db.query(
      `SELECT cur.status, count(*)::int AS n ${storefrontFilterSql(filter, params)} GROUP BY cur.status`,
      params,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async find(id: string, asOf: string, db: Db = this.db): Promise<Storefront | null> {
    const rows: Storefront[] = await db.query(
      `SELECT ${STOREFRONT_COLUMNS} ${storefrontFromSql('$2::date')} WHERE s.id = $1`,
      [id, asOf],
    );
    return rows[0] ?? null;
  }

  /** Every on-site visit of the unit, newest first (ISO timestamps). */
  async visits(id: string): Promise<string[]> {
    const rows: { at: Date }[] = await this.db.query(
      `SELECT verified_at AS at FROM storefront_verifications WHERE storefront_id = $1 ORDER BY verified_at DESC`,
      [id],
    );
    return rows.map((r) => r.at.toISOString());
  }

  /** Locks the storefront for a write and returns its version and town, or null when missing. */
  async lock(em: EntityManager, id: string): Promise<{ version: number; cityId: string } | null> {
    const rows: { version: number; cityId: string }[] = await em.query(
      `SELECT version, city_id AS "cityId" FROM storefronts WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(em: EntityManager, row: StorefrontRow & { isSynthetic?: boolean }): Promise<string> {
    const [created] = await em.query<{ id: string }[]>(
      `INSERT INTO storefronts (city_id, street, house_number, postcode, location, floor_area_m2, frontage_m,
                                floor, reference_id, notes, is_synthetic)
       VALUES ($1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), $6, $7, $8, $9, $10, $11)
       RETURNING id`,
      [
        row.cityId,
        row.street,
        row.houseNumber,
        row.postcode,
        JSON.stringify(row.location),
        row.floorAreaM2,
        row.frontageM,
        row.floor,
        row.referenceId,
        row.notes,
        row.isSynthetic ?? false,
      ],
    );
    return created!.id;
  }

  /** Writes the given fields and bumps the version. */
  /** Sets the given fields, and a new version only when one of them differs from what is stored. */
  async update(em: EntityManager, id: string, fields: Partial<Omit<StorefrontRow, 'cityId'>>): Promise<void> {
    const params: unknown[] = [id];
    const sets: string[] = ['version = version + 1'];
    const differs: string[] = [];
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (key === 'location') {
        params.push(JSON.stringify(value));
        const point = `ST_SetSRID(ST_GeomFromGeoJSON($${params.length}), 4326)`;
        sets.push(`location = ${point}`);
        differs.push(`ST_AsBinary(location) IS DISTINCT FROM ST_AsBinary(${point})`);
      } else {
        params.push(value);
        const column = COLUMN_OF[key as keyof typeof COLUMN_OF];
        sets.push(`${column} = $${params.length}`);
        differs.push(`${column} IS DISTINCT FROM $${params.length}`);
      }
    }
    if (!differs.length) return;
    await em.query(
      `UPDATE storefronts SET ${sets.join(', ')} WHERE id = $1 AND (${differs.join(' OR ')})`,
      params,
    );
  }

  async markVerified(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE storefronts SET verified_at = now(), version = version + 1 WHERE id = $1`, [id]);
  }

  async bumpVersion(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE storefronts SET version = version + 1 WHERE id = $1`, [id]);
  }

  /** The interventions a unit belongs to (under the unit's row lock: no link can be added meanwhile). */
  interventionsOf(em: EntityManager, id: string): Promise<{ id: string; title: string }[]> {
    return em.query(
      `SELECT i.id, i.title FROM intervention_storefronts l JOIN interventions i ON i.id = l.intervention_id
        WHERE l.storefront_id = $1 ORDER BY i.title`,
      [id],
    );
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM storefronts WHERE id = $1`, [id]);
  }

  /** Where a point lies relative to the town: inside its municipal boundary, inside its downtown perimeter. */
  async placement(
    db: Db,
    cityId: string,
    location: GeoJsonPoint,
  ): Promise<{ cityExists: boolean; insideBoundary: boolean; insidePerimeter: boolean }> {
    const rows: { insideBoundary: boolean; insidePerimeter: boolean }[] = await db.query(
      `SELECT COALESCE(ST_Intersects(boundary, p.g), true) AS "insideBoundary",
              COALESCE(ST_Intersects(perimeter, p.g), false) AS "insidePerimeter"
       FROM cities, (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS g) p
       WHERE id = $1`,
      [cityId, JSON.stringify(location)],
    );
    const row = rows[0];
    return row
      ? { cityExists: true, ...row }
      : { cityExists: false, insideBoundary: false, insidePerimeter: false };
  }
}
