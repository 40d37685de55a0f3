import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Frame } from './report-map.repository.js';
import type { NetworkMapTown } from './report.types.js';

/** The projection of a network map and the extent of its towns in it (projected metres). */
export interface NetworkProjection {
  srid: number;
  extent: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** A town's geometry on the network map, in frame coordinates (metres from the top-left, y down). */
export type NetworkMapShape = Omit<NetworkMapTown, 'vacancyRate' | 'vacancyClass'>;

/** Half-size of the box drawn around a town without a boundary (metres). */
const NO_BOUNDARY_HALF_SIZE_M = 1000;

/**
 * The network map's SQL: the member towns' municipal boundaries (`cities.boundary`, BKG VG250),
 * projected, simplified and serialised by PostGIS like the town map's perimeter.
 */
@Injectable()
export class NetworkMapRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * UTM zone 32 or 33 by the mean longitude of the town centres (the town map's 12° E rule), and the
   * extent of the boundaries in it (1 km around the centre for a town without one).
   */
  async projection(cityIds: readonly string[]): Promise<NetworkProjection | null> {
    const rows = await this.db.query<(NetworkProjection['extent'] & { srid: number })[]>(
      `WITH t AS (SELECT centre, boundary FROM cities WHERE id = ANY($1::uuid[])),
            zone AS (SELECT CASE WHEN avg(ST_X(centre)) >= 12 THEN 25833 ELSE 25832 END AS srid
                       FROM t HAVING count(*) > 0),
            box AS (SELECT zone.srid,
                           ST_Extent(COALESCE(ST_Transform(t.boundary, zone.srid),
                                              ST_Expand(ST_Transform(t.centre, zone.srid), $2::float8))) AS e
                      FROM t CROSS JOIN zone GROUP BY zone.srid)
       SELECT srid, ST_XMin(e) AS xmin, ST_YMin(e) AS ymin, ST_XMax(e) AS xmax, ST_YMax(e) AS ymax FROM box`,
      [cityIds, NO_BOUNDARY_HALF_SIZE_M],
    );
    const row = rows[0];
    if (!row) return null;
    const { srid, ...extent } = row;
    return { srid, extent };
  }

  /**
   * Each town's boundary as SVG path data (whole metres, simplified to 1/2000 of the frame width —
   * 0.09 mm on the printed 180 mm map), its label point (centre of the largest inscribed circle of
   * the simplified boundary, else the town centre) and its centre, ordered by name.
   */
  async shapes(cityIds: readonly string[], srid: number, frame: Frame): Promise<NetworkMapShape[]> {
    return this.db.query<NetworkMapShape[]>(
      `SELECT c.id AS "cityId", c.slug, c.name,
              ST_AsSVG(ST_Translate(simple.b, -$3::float8, -$4::float8), 0, 0) AS "boundaryPath",
              round(ST_X(label.p) - $3::float8)::float8 AS "labelX",
              round($4::float8 - ST_Y(label.p))::float8 AS "labelY",
              round(ST_X(proj.centre) - $3::float8)::float8 AS "centreX",
              round($4::float8 - ST_Y(proj.centre))::float8 AS "centreY",
              EXISTS (SELECT 1 FROM storefronts s WHERE s.city_id = c.id AND s.is_synthetic) AS "isSynthetic"
         FROM cities c
         CROSS JOIN LATERAL (SELECT ST_Transform(c.boundary, $2::int) AS boundary,
                                    ST_Transform(c.centre, $2::int) AS centre) proj
         CROSS JOIN LATERAL (SELECT ST_SimplifyPreserveTopology(proj.boundary, $5::float8 / 2000) AS b) simple
         CROSS JOIN LATERAL (SELECT COALESCE((ST_MaximumInscribedCircle(simple.b)).center, proj.centre) AS p) label
        WHERE c.id = ANY($1::uuid[])
        ORDER BY c.name, c.id`,
      [cityIds, srid, frame.xmin, frame.ymax, frame.width],
    );
  }
}
