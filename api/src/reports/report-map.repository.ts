import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idOrSlugCondition } from '../common/id-or-slug.js';
import type { ReportMapStreet, ReportMapUnit } from './report.types.js';

export interface ReportTown {
  id: string;
  slug: string;
  srid: number;
  perimeterIsPlaceholder: boolean;
  /** Extent of the perimeter (or 500 m around the centre without one) in the projected CRS. */
  extent: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** Frame of the map in projected coordinates (metres). */
export interface Frame {
  xmin: number;
  ymax: number;
  width: number;
  height: number;
}

export interface RegisterFreshness {
  isSynthetic: boolean;
  lastVerifiedOn: string | null;
  lastChangedAt: string | null;
}

/** The report map's SQL: PostGIS projects and serialises the geometries (ST_Transform, ST_AsSVG). */
@Injectable()
export class ReportMapRepository {
  constructor(private readonly db: DataSource) {}

  async town(idOrSlug: string): Promise<ReportTown | null> {
    const params: unknown[] = [];
    const where = idOrSlugCondition('c', idOrSlug, params);
    const rows = await this.db.query<(Omit<ReportTown, 'extent'> & ReportTown['extent'])[]>(
      `SELECT t.id, t.slug, t.srid, t.perimeter_is_placeholder AS "perimeterIsPlaceholder",
              ST_XMin(g) AS xmin, ST_YMin(g) AS ymin, ST_XMax(g) AS xmax, ST_YMax(g) AS ymax
         FROM (SELECT c.*, CASE WHEN ST_X(c.centre) >= 12 THEN 25833 ELSE 25832 END AS srid
                 FROM cities c WHERE ${where}) t
         CROSS JOIN LATERAL (SELECT COALESCE(ST_Transform(t.perimeter, t.srid),
                                             ST_Expand(ST_Transform(t.centre, t.srid), 500)) AS g) p`,
      params,
    );
    const row = rows[0];
    if (!row) return null;
    const { xmin, ymin, xmax, ymax, ...town } = row;
    return { ...town, extent: { xmin, ymin, xmax, ymax } };
  }

  /** The perimeter as SVG path data in frame coordinates (y down), 0.1 m precision. */
  async perimeterPath(town: ReportTown, frame: Frame): Promise<string | null> {
    const rows = await this.db.query<{ path: string | null }[]>(
      `SELECT ST_AsSVG(ST_Translate(ST_Transform(perimeter, $2::int), -$3::float8, -$4::float8), 0, 1) AS path
         FROM cities WHERE id = $1`,
      [town.id, town.srid, frame.xmin, frame.ymax],
    );
    return rows[0]?.path ?? null;
  }

  /** Units existing on the date (a period covers it, status not demolished) inside the frame. */
  async units(town: ReportTown, frame: Frame, asOf: string): Promise<ReportMapUnit[]> {
    return this.db.query<ReportMapUnit[]>(
      `WITH box AS (
         SELECT ST_Transform(ST_MakeEnvelope($3::float8, $4::float8 - $6::float8,
                                             $3::float8 + $5::float8, $4::float8, $2::int), 4326) AS g)
       SELECT round((ST_X(p) - $3::float8)::numeric, 1)::float8 AS x,
              round(($4::float8 - ST_Y(p))::numeric, 1)::float8 AS y,
              o.status,
              COALESCE(ST_Intersects(c.perimeter, s.location), false) AS "insidePerimeter"
         FROM storefronts s
         JOIN cities c ON c.id = s.city_id
         JOIN occupancy_periods o ON o.storefront_id = s.id
              AND o.valid_from <= $7::date AND (o.valid_to IS NULL OR o.valid_to > $7::date)
         CROSS JOIN box
         CROSS JOIN LATERAL (SELECT ST_Transform(s.location, $2::int) AS p) proj
        WHERE s.city_id = $1 AND o.status <> 'demolished' AND s.location && box.g
        ORDER BY "insidePerimeter", o.status = 'vacant', s.id`,
      [town.id, town.srid, frame.xmin, frame.ymax, frame.width, frame.height, asOf],
    );
  }

  /**
   * Labels for the streets with most units inside the perimeter on the date (all units in the frame
   * for a town without a perimeter): the centroid of the street's units, and the angle of the line
   * through its two farthest units (ST_LongestLine), turned into (-90°, 90°] for legible text.
   */
  async streets(town: ReportTown, frame: Frame, asOf: string): Promise<ReportMapStreet[]> {
    return this.db.query<ReportMapStreet[]>(
      `WITH box AS (
         SELECT ST_Transform(ST_MakeEnvelope($3::float8, $4::float8 - $6::float8,
                                             $3::float8 + $5::float8, $4::float8, $2::int), 4326) AS g),
       street AS (
         SELECT s.street AS name, count(*)::int AS units, ST_Collect(ST_Transform(s.location, $2::int)) AS pts
           FROM storefronts s
           JOIN cities c ON c.id = s.city_id
           JOIN occupancy_periods o ON o.storefront_id = s.id
                AND o.valid_from <= $7::date AND (o.valid_to IS NULL OR o.valid_to > $7::date)
           CROSS JOIN box
          WHERE s.city_id = $1 AND o.status <> 'demolished' AND s.location && box.g
            AND (c.perimeter IS NULL OR ST_Intersects(c.perimeter, s.location))
          GROUP BY s.street
         HAVING count(*) >= 3
          ORDER BY count(*) DESC, s.street COLLATE "de-x-icu"
          LIMIT 12),
       placed AS (
         SELECT name, units, ST_Centroid(pts) AS c, ST_LongestLine(pts, pts) AS l FROM street)
       SELECT name, units,
              round((ST_X(c) - $3::float8)::numeric, 1)::float8 AS x,
              round(($4::float8 - ST_Y(c))::numeric, 1)::float8 AS y,
              -- the line's direction on screen (y down), folded into (-90, 90]
              round(CASE WHEN a > 90 THEN a - 180 WHEN a <= -90 THEN a + 180 ELSE a END::numeric, 1)::float8 AS angle,
              json_build_object('x', round((ST_X(ST_StartPoint(l)) - $3::float8)::numeric, 1),
                                'y', round(($4::float8 - ST_Y(ST_StartPoint(l)))::numeric, 1)) AS "from",
              json_build_object('x', round((ST_X(ST_EndPoint(l)) - $3::float8)::numeric, 1),
                                'y', round(($4::float8 - ST_Y(ST_EndPoint(l)))::numeric, 1)) AS "to"
         FROM placed
         CROSS JOIN LATERAL (
           SELECT degrees(atan2(-(ST_Y(ST_EndPoint(l)) - ST_Y(ST_StartPoint(l))),
                                ST_X(ST_EndPoint(l)) - ST_X(ST_StartPoint(l)))) AS a) dir
        ORDER BY units DESC, name COLLATE "de-x-icu"`,
      [town.id, town.srid, frame.xmin, frame.ymax, frame.width, frame.height, asOf],
    );
  }

  /** The last on-site visit on or before `asOf` (a report of a past date names the visit known then). */
  async freshness(cityId: string, asOf: string): Promise<RegisterFreshness> {
    const rows = await this.db.query<RegisterFreshness[]>(
      `SELECT COALESCE(bool_or(s.is_synthetic), false) AS "isSynthetic",
              to_char(max(v.last), 'YYYY-MM-DD') AS "lastVerifiedOn",
              to_char(max(s.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastChangedAt"
         FROM storefronts s
         LEFT JOIN LATERAL (
           SELECT max((sv.verified_at AT TIME ZONE 'Europe/Berlin')::date) AS last
             FROM storefront_verifications sv
            WHERE sv.storefront_id = s.id AND (sv.verified_at AT TIME ZONE 'Europe/Berlin')::date <= $2::date
         ) v ON true
        WHERE s.city_id = $1`,
      [cityId, asOf],
    );
    return rows[0] ?? { isSynthetic: false, lastVerifiedOn: null, lastChangedAt: null };
  }

  /** The slugs of the networks a town belongs to, in the order the town's `networkSlugs` lists them. */
  async networksOf(cityId: string): Promise<string[]> {
    const rows = await this.db.query<{ slug: string }[]>(
      `SELECT n.slug FROM network_members m JOIN networks n ON n.id = m.network_id
        WHERE m.city_id = $1 ORDER BY n.name, n.slug`,
      [cityId],
    );
    return rows.map((r) => r.slug);
  }

  async networkSlug(idOrSlug: string): Promise<string | null> {
    const params: unknown[] = [];
    const where = idOrSlugCondition('n', idOrSlug, params);
    const rows = await this.db.query<{ slug: string }[]>(
      `SELECT slug FROM networks n WHERE ${where}`,
      params,
    );
    return rows[0]?.slug ?? null;
  }
}
