import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper database checks for bulk writes (a 100,000-row import, docs/import-export.md), with the same
 * guarantees as before:
 *
 * - **Gap-free histories, once per transaction instead of once per row.** Statement-level triggers on
 *   `occupancy_periods` queue the units each statement touched (one row of arrays per statement in
 *   `occupancy_gap_checks`); the deferred constraint trigger `occupancy_periods_gap_free` on that queue
 *   empties it at commit and checks every queued unit's history in one query (SQLSTATE SF001 as
 *   before). Rows of the queue never outlive their transaction. `SET CONSTRAINTS
 *   occupancy_periods_gap_free IMMEDIATE` still checks at once.
 * - **Perimeter flag, set-based for bulk inserts.** `storefronts.inside_perimeter` has no default any
 *   more: an insert that leaves it out (every single-row write) gets it from the per-row trigger as
 *   before; an insert that gives it (the import computes it in its `INSERT … SELECT`) skips that
 *   trigger, and a statement-level trigger checks every inserted row against the town's perimeter in
 *   one query (SQLSTATE SF003 on a mismatch, so a wrong flag can never be stored). A location update
 *   recomputes the flag only when the location or town really changes.
 * - **Tile grid recount with one index probe per unit.** `tile_grid_recount` (AddTileGrid) looked up each
 *   unit's current status and next status change with two probes of the GiST exclusion index; it now
 *   reads both from one index-only probe of `occupancy_periods_kpi` by (town, unit). Same counts.
 * - **No index on `normalised_address`.** Nothing read it (the import's address match groups the
 *   town's units and used `storefronts_city`); maintaining it cost ~15 µs per inserted unit.
 */
const GAP_QUEUE = (rows: string): string => `
  INSERT INTO occupancy_gap_checks (city_ids, storefront_ids)
  SELECT array_agg(city_id), array_agg(storefront_id)
  FROM (SELECT DISTINCT city_id, storefront_id FROM ${rows}) u
  HAVING count(*) > 0;`;

// Tile grid geometry of AddTileGrid (zoom-10 tiles, 32 fine cells per tile edge, EPSG:3857).
const WORLD = 40075016.685578488;
const CELL = `(${WORLD}::float8 / 32768)`;
const IX = (p: string): string => `floor((ST_X(${p}) + ${WORLD / 2}) / ${CELL})::int`;
const IY = (p: string): string => `floor((${WORLD / 2} - ST_Y(${p})) / ${CELL})::int`;
const STATUSES = ['occupied', 'vacant', 'temporary_use', 'under_renovation', 'not_lettable', 'demolished'];
const IN_CELL = `s.city_id = d.city_id
            AND s.location && ST_Transform(ST_MakeEnvelope(
                  d.ix * ${CELL} - ${WORLD / 2} - 1, ${WORLD / 2} - (d.iy + 1) * ${CELL} - 1,
                  (d.ix + 1) * ${CELL} - ${WORLD / 2} + 1, ${WORLD / 2} - d.iy * ${CELL} + 1, 3857), 4326)`;

/** tile_grid_recount: the cells' counts as of current_date, `unit` giving status and next change per unit. */
const RECOUNT = (unit: string): string => `
  CREATE OR REPLACE FUNCTION tile_grid_recount(cells jsonb) RETURNS void LANGUAGE plpgsql
    SET plan_cache_mode = force_custom_plan AS $$
  BEGIN
    DELETE FROM tile_grid_cells g USING jsonb_to_recordset(cells) AS d(city_id uuid, ix int, iy int)
     WHERE g.city_id = d.city_id AND g.ix = d.ix AND g.iy = d.iy;
    INSERT INTO tile_grid_cells
    SELECT x.* FROM jsonb_to_recordset(cells) AS d(city_id uuid, ix int, iy int)
    CROSS JOIN LATERAL (
      SELECT s.city_id, c.ix, c.iy,
             ${STATUSES.map((st) => `count(*) FILTER (WHERE cur.status = '${st}')::int`).join(', ')},
             current_date, min(nxt.day)
      FROM storefronts s
      CROSS JOIN LATERAL (SELECT ${IX('p')} AS ix, ${IY('p')} AS iy FROM ST_Transform(s.location, 3857) p) c
      ${unit}
      WHERE ${IN_CELL}
      GROUP BY 1, 2, 3
    ) x
    WHERE x.ix = d.ix AND x.iy = d.iy
    ORDER BY 1, 2, 3;
  END $$`;

/** One probe of occupancy_periods_kpi (city_id, storefront_id, valid_from) INCLUDE (valid_to, status, …). */
const UNIT_ONE_PROBE = `
      LEFT JOIN LATERAL (
        SELECT max(o.status) FILTER (WHERE o.valid_from <= current_date
                                       AND (o.valid_to IS NULL OR o.valid_to > current_date)) AS status,
               min(LEAST(CASE WHEN o.valid_from > current_date THEN o.valid_from END,
                         CASE WHEN o.valid_to > current_date THEN o.valid_to END)) AS day
        FROM occupancy_periods o WHERE o.city_id = s.city_id AND o.storefront_id = s.id
      ) h ON true
      CROSS JOIN LATERAL (SELECT h.status) cur
      CROSS JOIN LATERAL (SELECT h.day) nxt`;

/** AddTileGrid's version: two probes of the GiST exclusion index per unit. */
const UNIT_TWO_PROBES = `
      LEFT JOIN LATERAL (
        SELECT o.status FROM occupancy_periods o
        WHERE o.storefront_id = s.id AND o.valid_from <= current_date AND (o.valid_to IS NULL OR o.valid_to > current_date)
      ) cur ON true
      LEFT JOIN LATERAL (
        SELECT min(b.day) AS day FROM occupancy_periods o CROSS JOIN LATERAL (VALUES (o.valid_from), (o.valid_to)) b(day)
        WHERE o.storefront_id = s.id AND b.day > current_date
      ) nxt ON true`;

const PREVIOUS_GAP_CHECK = `
  CREATE FUNCTION check_occupancy_gap_free() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    sid uuid := COALESCE(NEW.storefront_id, OLD.storefront_id);
    gaps integer;
  BEGIN
    SELECT count(*) INTO gaps FROM (
      SELECT valid_to, lead(valid_from) OVER (ORDER BY valid_from) AS next_from
      FROM occupancy_periods WHERE storefront_id = sid
    ) p
    WHERE (p.next_from IS NOT NULL AND p.valid_to IS DISTINCT FROM p.next_from);
    IF gaps > 0 THEN
      RAISE EXCEPTION 'occupancy history of storefront % has a gap', sid
        USING ERRCODE = 'SF001', HINT = 'Each period must end on the day the next one starts.';
    END IF;
    RETURN NULL;
  END $$`;

/** The deferred gap check (exported: HistoryChainCheck's `down` restores it). */
export const GAP_CHECK = `
      CREATE FUNCTION check_occupancy_gap_free() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        sid uuid;
      BEGIN
        WITH queued AS (DELETE FROM occupancy_gap_checks RETURNING city_ids, storefront_ids),
        units AS (SELECT DISTINCT u.city_id, u.storefront_id
                  FROM queued, unnest(queued.city_ids, queued.storefront_ids) AS u(city_id, storefront_id))
        SELECT units.storefront_id INTO sid
        FROM units CROSS JOIN LATERAL (
          SELECT o.valid_to, lead(o.valid_from) OVER (ORDER BY o.valid_from) AS next_from
          FROM occupancy_periods o WHERE o.city_id = units.city_id AND o.storefront_id = units.storefront_id
        ) p
        WHERE p.next_from IS NOT NULL AND p.valid_to IS DISTINCT FROM p.next_from
        LIMIT 1;
        IF sid IS NOT NULL THEN
          RAISE EXCEPTION 'occupancy history of storefront % has a gap', sid
            USING ERRCODE = 'SF001', HINT = 'Each period must end on the day the next one starts.';
        END IF;
        RETURN NULL;
      END $$`;

export class FasterImportChecks1764600000000 implements MigrationInterface {
  name = 'FasterImportChecks1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // ---- gap check per transaction ----
    await q.query(`DROP TRIGGER occupancy_periods_gap_free ON occupancy_periods`);
    await q.query(`DROP FUNCTION check_occupancy_gap_free()`);
    await q.query(`
      CREATE TABLE occupancy_gap_checks (
        city_ids       uuid[] NOT NULL,
        storefront_ids uuid[] NOT NULL
      )`);
    await q.query(`
      COMMENT ON TABLE occupancy_gap_checks IS
        'Units whose occupancy history a statement of the running transaction changed; emptied by the deferred gap check before commit.'`);
    await q.query(`
      CREATE FUNCTION occupancy_gap_queue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN ${GAP_QUEUE('new_rows')} END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${GAP_QUEUE('old_rows')} END IF;
        RETURN NULL;
      END $$`);
    for (const [op, ref] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await q.query(`
        CREATE TRIGGER occupancy_periods_gap_queue_${op.toLowerCase()} AFTER ${op} ON occupancy_periods
          REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION occupancy_gap_queue()`);
    }
    // The first queued row to fire takes the whole queue; the others find it empty. Each unit's
    // periods are read in valid_from order by (city_id, storefront_id): one index probe per unit.
    await q.query(GAP_CHECK);
    await q.query(`
      CREATE CONSTRAINT TRIGGER occupancy_periods_gap_free AFTER INSERT ON occupancy_gap_checks
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_occupancy_gap_free()`);

    // ---- perimeter flag: per row only when the writer leaves it out ----
    await q.query(`ALTER TABLE storefronts ALTER COLUMN inside_perimeter DROP DEFAULT`);
    await q.query(`DROP TRIGGER storefronts_inside_perimeter ON storefronts`);
    await q.query(`
      CREATE TRIGGER storefronts_inside_perimeter BEFORE INSERT ON storefronts
        FOR EACH ROW WHEN (NEW.inside_perimeter IS NULL) EXECUTE FUNCTION storefront_set_inside_perimeter()`);
    await q.query(`
      CREATE TRIGGER storefronts_inside_perimeter_moved BEFORE UPDATE OF location, city_id ON storefronts
        FOR EACH ROW WHEN (ST_AsBinary(OLD.location) IS DISTINCT FROM ST_AsBinary(NEW.location)
          OR OLD.city_id IS DISTINCT FROM NEW.city_id)
        EXECUTE FUNCTION storefront_set_inside_perimeter()`);
    await q.query(`
      CREATE FUNCTION storefront_check_inside_perimeter() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        sid uuid;
      BEGIN
        SELECT n.id INTO sid FROM new_rows n LEFT JOIN cities c ON c.id = n.city_id
        WHERE n.inside_perimeter IS DISTINCT FROM COALESCE(ST_Intersects(c.perimeter, n.location), false)
        LIMIT 1;
        IF sid IS NOT NULL THEN
          RAISE EXCEPTION 'inside_perimeter of new storefront % does not match its town''s perimeter', sid
            USING ERRCODE = 'SF003', HINT = 'Leave inside_perimeter out of the INSERT, or compute it as ST_Intersects(perimeter, location).';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_inside_perimeter_check AFTER INSERT ON storefronts
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION storefront_check_inside_perimeter()`);

    // ---- tile grid recount ----
    await q.query(RECOUNT(UNIT_ONE_PROBE));

    // ---- an index nothing reads ----
    await q.query(`DROP INDEX storefronts_normalised_address`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(RECOUNT(UNIT_TWO_PROBES));
    await q.query(
      `CREATE INDEX storefronts_normalised_address ON storefronts (city_id, normalised_address(street, house_number))`,
    );

    await q.query(`DROP TRIGGER storefronts_inside_perimeter_check ON storefronts`);
    await q.query(`DROP FUNCTION storefront_check_inside_perimeter()`);
    await q.query(`DROP TRIGGER storefronts_inside_perimeter_moved ON storefronts`);
    await q.query(`DROP TRIGGER storefronts_inside_perimeter ON storefronts`);
    await q.query(`
      CREATE TRIGGER storefronts_inside_perimeter BEFORE INSERT OR UPDATE OF location, city_id ON storefronts
        FOR EACH ROW EXECUTE FUNCTION storefront_set_inside_perimeter()`);
    await q.query(`ALTER TABLE storefronts ALTER COLUMN inside_perimeter SET DEFAULT false`);

    await q.query(`DROP TRIGGER occupancy_periods_gap_free ON occupancy_gap_checks`);
    await q.query(`DROP FUNCTION check_occupancy_gap_free()`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER occupancy_periods_gap_queue_${op} ON occupancy_periods`);
    }
    await q.query(`DROP FUNCTION occupancy_gap_queue()`);
    await q.query(`DROP TABLE occupancy_gap_checks`);
    await q.query(PREVIOUS_GAP_CHECK);
    await q.query(`
      CREATE CONSTRAINT TRIGGER occupancy_periods_gap_free
        AFTER INSERT OR UPDATE OR DELETE ON occupancy_periods
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION check_occupancy_gap_free()`);
  }
}
