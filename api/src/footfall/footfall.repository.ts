import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { HourCount } from './footfall-parse.js';
import type { FootfallLocation, FootfallWeek } from './footfall.types.js';

export interface StoredLocation {
  id: string;
  /** As stored: null while no upload has given one. */
  lonLat: [number, number] | null;
  /** Metres from the position given with the upload to the stored one; null without either. */
  distanceM: number | null;
}

@Injectable()
export class FootfallRepository {
  constructor(private readonly db: DataSource) {}

  /** Whether the point lies inside the town's municipal boundary; a town without one takes any point. */
  async insideBoundary(em: EntityManager, cityId: string, [lon, lat]: [number, number]): Promise<boolean> {
    const [row] = await em.query<{ inside: boolean }[]>(
      `SELECT COALESCE(ST_Intersects(boundary, ST_SetSRID(ST_MakePoint($2, $3), 4326)), true) AS inside
       FROM cities WHERE id = $1`,
      [cityId, lon, lat],
    );
    return row?.inside ?? true;
  }

  /**
   * The counting location by name, created on first upload. A position is stored once (the first
   * upload that gives one) and never overwritten here; the answer has the stored position and, when
   * one is given, its distance in metres from the stored one, for the caller to refuse a mismatch
   * (the row stays locked until the transaction ends).
   */
  async location(
    em: EntityManager,
    cityId: string,
    name: string,
    lonLat: [number, number] | null,
  ): Promise<StoredLocation> {
    const [row] = await em.query<StoredLocation[]>(
      `INSERT INTO counting_locations (city_id, name, location)
       VALUES ($1, $2, CASE WHEN $3::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($3, $4), 4326) END)
       ON CONFLICT (city_id, name) DO UPDATE SET location = COALESCE(counting_locations.location, EXCLUDED.location)
       RETURNING id,
         CASE WHEN location IS NULL THEN NULL ELSE ARRAY[ST_X(location), ST_Y(location)] END AS "lonLat",
         CASE WHEN location IS NULL OR $3::float8 IS NULL THEN NULL
              ELSE ST_Distance(location::geography, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography) END
           AS "distanceM"`,
      [cityId, name.trim(), lonLat?.[0] ?? null, lonLat?.[1] ?? null],
    );
    return row!;
  }

  /** A re-exported period replaces what was stored for those hours. */
  async storeCounts(
    em: EntityManager,
    locationId: string,
    cityId: string,
    counts: HourCount[],
  ): Promise<void> {
    for (let i = 0; i < counts.length; i += 10_000) {
      const batch = counts.slice(i, i + 10_000);
      await em.query(
        `INSERT INTO footfall_counts (location_id, city_id, hour, count, flags)
         SELECT $1, $2, h, c, string_to_array(f, ',')::text[]
         FROM unnest($3::timestamptz[], $4::int[], $5::text[]) AS u(h, c, f)
         ON CONFLICT (location_id, hour) DO UPDATE SET count = EXCLUDED.count, flags = EXCLUDED.flags`,
        [
          locationId,
          cityId,
          batch.map((c) => c.hour.toISOString()),
          batch.map((c) => c.count),
          batch.map((c) => c.flags.join(',')),
        ],
      );
    }
  }

  /**
   * Weekly footfall of a town, weekday-adjusted year on year: only complete days count (every hour
   * of the local day has a count, 23/25 on clock-change days); each location-weekday of an ISO week
   * is compared with the same location-weekday of the same ISO week a year before.
   */
  weeks(cityId: string, from: string, to: string): Promise<FootfallWeek[]> {
    return this.db.query(
      `WITH daily AS (
         SELECT f.location_id, (f.hour AT TIME ZONE 'Europe/Berlin')::date AS day, sum(f.count)::float8 AS total,
                count(f.count) AS counted
         FROM footfall_counts f
         WHERE f.city_id = $1 AND f.hour >= ($2::date - 371) AND f.hour < ($3::date + 1)
         GROUP BY 1, 2),
       complete AS (
         SELECT location_id, day, total, extract(isoyear FROM day)::int AS y, extract(week FROM day)::int AS w,
                extract(isodow FROM day)::int AS dow
         FROM daily
         WHERE counted = extract(epoch FROM ((day + 1)::timestamp AT TIME ZONE 'Europe/Berlin')
                                            - (day::timestamp AT TIME ZONE 'Europe/Berlin')) / 3600),
       paired AS (
         SELECT cur.*, prev.total AS prev_total
         FROM complete cur
         LEFT JOIN complete prev ON prev.location_id = cur.location_id AND prev.y = cur.y - 1 AND prev.w = cur.w AND prev.dow = cur.dow)
       SELECT count(DISTINCT location_id)::int AS "locationCount", y AS "isoYear", w AS "isoWeek",
              to_char(min(day) - (min(dow) - 1), 'YYYY-MM-DD') AS "weekStart",
              round(avg(total)::numeric, 1)::float8 AS "meanDailyCount", count(*)::int AS "completeDays",
              count(prev_total)::int AS "comparableDays",
              CASE WHEN sum(prev_total) FILTER (WHERE prev_total IS NOT NULL) > 0
                   THEN round((sum(total) FILTER (WHERE prev_total IS NOT NULL) / sum(prev_total) - 1)::numeric, 4)::float8 END
                AS "yearOnYear"
       FROM paired
       WHERE day BETWEEN $2::date AND $3::date
       GROUP BY y, w ORDER BY y, w`,
      [cityId, from, to],
    );
  }

  /** The town's counting locations by name, each with its position and what is stored of it. */
  locations(cityId: string): Promise<FootfallLocation[]> {
    return this.db.query(`${LOCATION_SUMMARY} WHERE l.city_id = $1 GROUP BY l.id ORDER BY l.name`, [cityId]);
  }

  /** One counting location of the town, locked for a correction until the transaction ends; null if none. */
  async lockedLocation(em: EntityManager, cityId: string, id: string): Promise<FootfallLocation | null> {
    const locked = await em.query<unknown[]>(
      `SELECT 1 FROM counting_locations WHERE id = $1 AND city_id = $2 FOR UPDATE`,
      [id, cityId],
    );
    if (locked.length === 0) return null;
    return this.summary(em, id);
  }

  async summary(em: EntityManager, id: string): Promise<FootfallLocation> {
    const [row] = await em.query<FootfallLocation[]>(`${LOCATION_SUMMARY} WHERE l.id = $1 GROUP BY l.id`, [
      id,
    ]);
    return row!;
  }

  /**
   * Another counting location of the town under this name, in any case („Anger“, „anger“): to a reader
   * they are one place (the table's constraint is exact; a rename is checked here).
   */
  async nameTaken(em: EntityManager, cityId: string, name: string, exceptId: string): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `SELECT 1 FROM counting_locations WHERE city_id = $1 AND lower(name) = lower($2) AND id <> $3`,
      [cityId, name, exceptId],
    );
    return rows.length > 0;
  }

  /** Renames and/or places the location; `lonLat` undefined keeps the position, null removes it. */
  async correctLocation(
    em: EntityManager,
    id: string,
    name: string | undefined,
    lonLat: [number, number] | null | undefined,
  ): Promise<void> {
    await em.query(
      `UPDATE counting_locations
       SET name = COALESCE($2, name),
           location = CASE WHEN NOT $3 THEN location
                           WHEN $4::float8 IS NULL THEN NULL
                           ELSE ST_SetSRID(ST_MakePoint($4, $5), 4326) END
       WHERE id = $1`,
      [id, name ?? null, lonLat !== undefined, lonLat?.[0] ?? null, lonLat?.[1] ?? null],
    );
  }

  /** The location and all its counts. */
  async deleteLocation(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM counting_locations WHERE id = $1`, [id]);
  }

  /** The location's counts of the local days from…to (Germany's calendar); the number of hours removed. */
  async deleteCounts(em: EntityManager, id: string, from: string, to: string): Promise<number> {
    const [row] = await em.query<{ hours: number }[]>(
      `WITH removed AS (
         DELETE FROM footfall_counts
         WHERE location_id = $1
           AND hour >= ($2::date::timestamp AT TIME ZONE 'Europe/Berlin')
           AND hour < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin')
         RETURNING 1)
       SELECT count(*)::int AS hours FROM removed`,
      [id, from, to],
    );
    return row!.hours;
  }
}

/** A counting location with its position and what is stored of it; the caller adds WHERE and GROUP BY. */
const LOCATION_SUMMARY = `
  SELECT l.id, l.name,
         CASE WHEN l.location IS NULL THEN NULL ELSE ARRAY[ST_X(l.location), ST_Y(l.location)] END AS "lonLat",
         min(f.hour) AS "firstHour", max(f.hour) AS "lastHour", count(f.hour)::int AS hours,
         count(f.hour) FILTER (WHERE f.count IS NULL)::int AS "outageHours"
  FROM counting_locations l LEFT JOIN footfall_counts f ON f.location_id = l.id`;
