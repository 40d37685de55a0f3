import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One writer per town for the derived tables, and a coarse level of the low-zoom tile grid.
 *
 * **Town write lock.** The derived tables (`kpi_town_days`/`_months`, `kpi_vacancies`,
 * `kpi_vacancy_months`, `tile_grid_cells`, `tile_data_versions`) are maintained by triggers that
 * recompute a town's rows from what their transaction sees. Two transactions writing in the same town
 * at the same moment could each miss the other's uncommitted rows, and the delete-and-reinsert
 * refreshes (`kpi_refresh_vacancy_months`, `tile_grid_recount` at commit) failed with a duplicate key
 * when both inserted the same row. Now every statement that writes storefronts or occupancy periods
 * first takes a transaction-scoped advisory lock per town it touches (`lock_town_writes`, towns in a
 * fixed order), before any trigger writes derived rows; the second writer waits until the first has
 * committed and then sees its rows. Writers of a town were already serialised in practice (both bump
 * the town's `tile_data_versions` row), only later in the statement, so this adds no waiting; it
 * orders it. Every writer also holds a shared global lock that `kpi_rebuild()` and
 * `tile_grid_rebuild()` take exclusively: a rebuild waits for the writers in flight, then counts what
 * they committed.
 *
 * **Coarse tile grid.** `tile_grid_coarse` holds, per town and cell of a zoom-7 tile (32 per tile
 * edge, 8 × 8 fine cells of `tile_grid_cells`), the fine cells' sums, the latest `computed_on` and the
 * earliest `stale_from`. A tile of zoom 5–7 sums 64 × fewer rows (z5 over Germany: ≈ 5,000 fine cells →
 * ≈ 100) with the same counts and the same validity (every fine cell valid on a date ⇔ latest
 * computed_on ≤ date < earliest stale_from). Statement triggers on `tile_grid_cells` keep it exact (every
 * path that changes the fine grid deletes and inserts fine rows, under the town's lock or a rebuild's);
 * `tile_grid_rebuild()` rebuilds both levels.
 */
/** Advisory lock keys: class of the per-town locks (two-int form) and the rebuild lock (bigint form). */
const TOWN_LOCK_CLASS = 53460;
const REBUILD_LOCK = 53461;

const STATUSES = ['occupied', 'vacant', 'temporary_use', 'under_renovation', 'not_lettable', 'demolished'];

/** Fine cells per coarse cell edge: 2^(10 − 7). */
const SHIFT = 3;

/** Recomputes the coarse cells that hold the fine cells of `rows` (a transition table), or all of them. */
const REFRESH_COARSE = (rows: string | null): string => {
  const touched = rows
    ? `(SELECT DISTINCT city_id, ix >> ${SHIFT} AS cx, iy >> ${SHIFT} AS cy FROM ${rows})`
    : undefined;
  return `
    DELETE FROM tile_grid_coarse g ${touched ? `USING ${touched} t WHERE g.city_id = t.city_id AND g.cx = t.cx AND g.cy = t.cy` : ''};
    INSERT INTO tile_grid_coarse
    SELECT f.city_id, f.ix >> ${SHIFT}, f.iy >> ${SHIFT},
           ${STATUSES.map((st) => `sum(f.${st})::int`).join(', ')},
           max(f.computed_on), min(f.stale_from)
    FROM tile_grid_cells f
    ${
      touched
        ? `JOIN ${touched} t ON f.city_id = t.city_id
         AND f.ix BETWEEN t.cx << ${SHIFT} AND (t.cx << ${SHIFT}) + ${2 ** SHIFT - 1}
         AND f.iy BETWEEN t.cy << ${SHIFT} AND (t.cy << ${SHIFT}) + ${2 ** SHIFT - 1}`
        : ''
    }
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3;`;
};

/** Statement triggers that lock the towns of the written rows; they sort before the tables' other triggers. */
const LOCKED_TABLES = ['storefronts', 'occupancy_periods'] as const;
const STATEMENT_OPS = [
  ['INSERT', 'NEW TABLE AS new_rows'],
  ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['DELETE', 'OLD TABLE AS old_rows'],
] as const;

export class TileGridLocks1764800000000 implements MigrationInterface {
  name = 'TileGridLocks1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // ---- town write lock ----
    await q.query(`
      CREATE FUNCTION lock_town_writes(towns uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(${REBUILD_LOCK});
        -- one fixed order (by key) for every transaction: two multi-town writers cannot deadlock here
        PERFORM pg_advisory_xact_lock(${TOWN_LOCK_CLASS}, k)
        FROM (SELECT DISTINCT hashtext(t::text) AS k FROM unnest(towns) t WHERE t IS NOT NULL ORDER BY 1) x;
      END $$`);
    await q.query(`
      CREATE FUNCTION lock_town_writes_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM lock_town_writes(ARRAY(SELECT DISTINCT city_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM lock_town_writes(ARRAY(SELECT DISTINCT city_id FROM old_rows));
        ELSE
          PERFORM lock_town_writes(ARRAY(SELECT city_id FROM new_rows UNION SELECT city_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of LOCKED_TABLES) {
      for (const [op, ref] of STATEMENT_OPS) {
        // A storefront's deletion writes KPI rows in a BEFORE DELETE row trigger: lock per row before it.
        if (table === 'storefronts' && op === 'DELETE') continue;
        await q.query(`
          CREATE TRIGGER ${table}_derived_lock_${op.toLowerCase()} AFTER ${op} ON ${table}
            REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION lock_town_writes_of_rows()`);
      }
    }
    await q.query(`
      CREATE FUNCTION lock_town_writes_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM lock_town_writes(ARRAY[OLD.city_id]);
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_derived_lock_delete BEFORE DELETE ON storefronts
        FOR EACH ROW EXECUTE FUNCTION lock_town_writes_of_row()`);
    // Intervention links and town updates bump the tile versions: the same lock first.
    await q.query(`
      CREATE OR REPLACE FUNCTION tile_on_links() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        town uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.city_id ELSE NEW.city_id END;
      BEGIN
        PERFORM lock_town_writes(ARRAY[town]);
        PERFORM tile_bump_versions(ARRAY[town]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION tile_on_cities() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM lock_town_writes(ARRAY[NEW.id]);
        PERFORM tile_bump_versions(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`ALTER FUNCTION kpi_rebuild(uuid[]) RENAME TO kpi_rebuild_v3`);
    await q.query(`
      CREATE FUNCTION kpi_rebuild(towns uuid[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${REBUILD_LOCK});
        PERFORM kpi_rebuild_v3(towns);
      END $$`);

    // ---- coarse tile grid ----
    await q.query(`
      CREATE TABLE tile_grid_coarse (
        city_id     uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        cx          int NOT NULL,
        cy          int NOT NULL,
        ${STATUSES.map((s) => `${s} int NOT NULL`).join(',\n        ')},
        computed_on date NOT NULL,
        stale_from  date,
        PRIMARY KEY (city_id, cx, cy)
      )`);
    await q.query(`CREATE INDEX tile_grid_coarse_xy ON tile_grid_coarse (cx, cy)`);
    await q.query(`
      CREATE FUNCTION tile_grid_coarse_on_cells() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${REFRESH_COARSE('new_cells')}
        ELSIF TG_OP = 'DELETE' THEN ${REFRESH_COARSE('old_cells')}
        ELSE ${REFRESH_COARSE('(SELECT city_id, ix, iy FROM old_cells UNION ALL SELECT city_id, ix, iy FROM new_cells) c')}
        END IF;
        RETURN NULL;
      END $$`);
    for (const [op, ref] of STATEMENT_OPS) {
      await q.query(`
        CREATE TRIGGER tile_grid_cells_coarse_${op.toLowerCase()} AFTER ${op} ON tile_grid_cells
          REFERENCING ${ref.replaceAll('_rows', '_cells')} FOR EACH STATEMENT EXECUTE FUNCTION tile_grid_coarse_on_cells()`);
    }
    // tile_grid_rebuild may run with triggers off (bulk loads): it rebuilds the coarse level itself.
    await q.query(`
      CREATE FUNCTION tile_grid_coarse_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN ${REFRESH_COARSE(null)}
      END $$`);
    await q.query(`ALTER FUNCTION tile_grid_rebuild() RENAME TO tile_grid_rebuild_fine`);
    await q.query(`
      CREATE FUNCTION tile_grid_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${REBUILD_LOCK});
        PERFORM tile_grid_rebuild_fine();
        PERFORM tile_grid_coarse_rebuild();
      END $$`);
    await q.query(`SELECT tile_grid_coarse_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION tile_grid_rebuild()`);
    await q.query(`ALTER FUNCTION tile_grid_rebuild_fine() RENAME TO tile_grid_rebuild`);
    for (const [op] of STATEMENT_OPS) {
      await q.query(`DROP TRIGGER tile_grid_cells_coarse_${op.toLowerCase()} ON tile_grid_cells`);
    }
    await q.query(`DROP FUNCTION tile_grid_coarse_on_cells(), tile_grid_coarse_rebuild()`);
    await q.query(`DROP TABLE tile_grid_coarse`);

    await q.query(`DROP FUNCTION kpi_rebuild(uuid[])`);
    await q.query(`ALTER FUNCTION kpi_rebuild_v3(uuid[]) RENAME TO kpi_rebuild`);
    // AddTileGrid's versions
    await q.query(`
      CREATE OR REPLACE FUNCTION tile_on_cities() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM tile_bump_versions(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION tile_on_links() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN PERFORM tile_bump_versions(ARRAY[OLD.city_id]);
        ELSE PERFORM tile_bump_versions(ARRAY[NEW.city_id]); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER storefronts_derived_lock_delete ON storefronts`);
    for (const table of LOCKED_TABLES) {
      for (const [op] of STATEMENT_OPS) {
        if (table === 'storefronts' && op === 'DELETE') continue;
        await q.query(`DROP TRIGGER ${table}_derived_lock_${op.toLowerCase()} ON ${table}`);
      }
    }
    await q.query(
      `DROP FUNCTION lock_town_writes_of_row(), lock_town_writes_of_rows(), lock_town_writes(uuid[])`,
    );
  }
}
