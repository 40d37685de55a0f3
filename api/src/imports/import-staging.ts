import type { EntityManager } from 'typeorm';
import type { ImportRow } from './import.types.js';

const BATCH = 5_000;

/**
 * Puts the mapped rows into a temporary table (points transformed to WGS 84 by PostGIS on the way) (dropped at the end of the transaction) with one
 * multi-row INSERT … SELECT FROM unnest(…) per batch, so that matching and writing are set-based SQL
 * instead of one statement per row.
 */
export async function stageRows(
  em: EntityManager,
  rows: ImportRow[],
  onBatch: (staged: number) => Promise<void>,
): Promise<void> {
  await createStagingTable(em);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const col = <K extends keyof ImportRow>(key: K): ImportRow[K][] => batch.map((r) => r[key]);
    await em.query(
      `INSERT INTO import_rows (line, reference_id, street, house_number, postcode, floor_area_m2, frontage_m, floor,
         status, use_category, business_name, status_since, x, y, srid, notes, owner_name, owner_phone, owner_email, asking_rent,
         geom)
       SELECT u.*, CASE WHEN u.x IS NULL THEN NULL
                        WHEN u.srid = 4326 THEN ST_SetSRID(ST_MakePoint(u.x, u.y), 4326)
                        ELSE ST_Transform(ST_SetSRID(ST_MakePoint(u.x, u.y), u.srid), 4326) END
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::numeric[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::date[], $13::float8[], $14::float8[], $15::int[],
         $16::text[], $17::text[], $18::text[], $19::text[], $20::numeric[])
         AS u(line, reference_id, street, house_number, postcode, floor_area_m2, frontage_m, floor, status, use_category,
              business_name, status_since, x, y, srid, notes, owner_name, owner_phone, owner_email, asking_rent)`,
      [
        col('line'),
        col('referenceId'),
        col('street'),
        col('houseNumber'),
        col('postcode'),
        col('floorAreaM2'),
        col('frontageM'),
        col('floor'),
        col('status'),
        col('useCategory'),
        col('businessName'),
        col('statusSince'),
        col('x'),
        col('y'),
        col('srid'),
        col('notes'),
        col('ownerName'),
        col('ownerPhone'),
        col('ownerEmail'),
        col('askingRentEurMonth'),
      ],
    );
    await onBatch(start + batch.length);
  }
  await analyzeStagedRows(em);
}

/**
 * Statistics of the staging table for the planner of the next statements: row counts and the shares
 * of matched, multi-row and rejected rows matter, fine histograms do not. A sample of 3,000 rows
 * (statistics target 10) takes ~40 ms for 100,000 rows instead of ~250 ms for the default 30,000.
 */
export async function analyzeStagedRows(em: EntityManager): Promise<void> {
  await em.query(`SET LOCAL default_statistics_target = 10`);
  await em.query(`ANALYZE import_rows`);
  await em.query(`RESET default_statistics_target`);
}

/**
 * The staging table of one import (dropped at the end of the transaction): the mapped rows, then
 * what matching and planning decide for each. A dry run's plan is kept in `import_plan_rows`
 * (import-plan-store.ts), which has the write-relevant columns of this table.
 */
export async function createStagingTable(em: EntityManager): Promise<void> {
  await em.query(`
    CREATE TEMP TABLE import_rows (
      line            integer PRIMARY KEY,
      reference_id    text,
      street          text,
      house_number    text,
      postcode        text,
      floor_area_m2   numeric,
      frontage_m      numeric,
      floor           text,
      status          text,
      use_category    text,
      business_name   text,
      status_since    date,
      x               float8,
      y               float8,
      srid            integer,
      notes           text,
      owner_name      text,
      owner_phone     text,
      owner_email     text,
      asking_rent     numeric,
      geom            geometry(Point, 4326),
      multi           boolean NOT NULL DEFAULT false,
      storefront_id   uuid,
      matched_by      text,
      new_id          uuid,
      cur_id          uuid,
      cur_from        date,
      new_status      text,
      new_category    text,
      new_business    text,
      change_date     date,
      history_action  text,
      attr_changed    boolean NOT NULL DEFAULT false,
      action          text,
      before          jsonb,
      problem_code    text,
      problem         text,
      problem_column  text,
      problem_value   text,
      problem_warning boolean NOT NULL DEFAULT false
    ) ON COMMIT DROP`);
}
