import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each town's number of storefronts, and of synthetic ones, kept in `town_unit_counts` by triggers.
 *
 * `/api/cities`, which every page of the dashboard reads, counted every town's units on each request:
 * 330 ms at 5 million units (benchmark size L; index-only scans of 2,000 towns). Now it reads one row
 * per town. The synthetic count replaces the partial index of SyntheticTownsIndex (whether a town holds
 * demo data is `synthetic > 0`).
 *
 * Inserts and deletes are counted per statement from the transition tables (an import of 100,000
 * units: one grouped update); a unit that changes town or its synthetic flag — rare — per row. Writers
 * of a town are already serialised by the town's write lock (TileGridLocks), taken by a trigger that
 * fires before these, so two writers never wait for each other's count row the other way round.
 * `town_unit_counts_rebuild()` recounts from scratch (the migration's backfill, and the benchmark's
 * generator, which writes with triggers off).
 */
export class TownUnitCounts1765700000000 implements MigrationInterface {
  name = 'TownUnitCounts1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE town_unit_counts (
        city_id uuid PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
        storefronts integer NOT NULL CHECK (storefronts >= 0),
        synthetic integer NOT NULL CHECK (synthetic BETWEEN 0 AND storefronts)
      )`);
    // Inserted units are added per town, deleted ones taken off; a unit that changes town or flag (per
    // row) is taken off the old counts first, so the checks hold in between.
    await q.query(`
      CREATE FUNCTION town_unit_counts_on_storefronts() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO town_unit_counts AS t (city_id, storefronts, synthetic)
            SELECT city_id, count(*), count(*) FILTER (WHERE is_synthetic) FROM new_rows GROUP BY city_id
            ON CONFLICT (city_id) DO UPDATE
              SET storefronts = t.storefronts + excluded.storefronts, synthetic = t.synthetic + excluded.synthetic;
          ELSIF TG_OP = 'DELETE' THEN
            UPDATE town_unit_counts t SET storefronts = t.storefronts - g.n, synthetic = t.synthetic - g.s
            FROM (SELECT city_id, count(*) AS n, count(*) FILTER (WHERE is_synthetic) AS s
                  FROM old_rows GROUP BY city_id) g
            WHERE t.city_id = g.city_id;
          ELSE
            UPDATE town_unit_counts SET storefronts = storefronts - 1, synthetic = synthetic - OLD.is_synthetic::int
            WHERE city_id = OLD.city_id;
            INSERT INTO town_unit_counts AS t (city_id, storefronts, synthetic)
            VALUES (NEW.city_id, 1, NEW.is_synthetic::int)
            ON CONFLICT (city_id) DO UPDATE
              SET storefronts = t.storefronts + 1, synthetic = t.synthetic + excluded.synthetic;
          END IF;
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_unit_counts_insert AFTER INSERT ON storefronts
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION town_unit_counts_on_storefronts()`);
    await q.query(`
      CREATE TRIGGER storefronts_unit_counts_delete AFTER DELETE ON storefronts
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION town_unit_counts_on_storefronts()`);
    await q.query(`
      CREATE TRIGGER storefronts_unit_counts_update AFTER UPDATE OF city_id, is_synthetic ON storefronts
        FOR EACH ROW WHEN (OLD.city_id IS DISTINCT FROM NEW.city_id OR OLD.is_synthetic IS DISTINCT FROM NEW.is_synthetic)
        EXECUTE FUNCTION town_unit_counts_on_storefronts()`);
    await q.query(`
      CREATE FUNCTION town_unit_counts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          LOCK TABLE storefronts IN SHARE MODE;  -- waits for writers in flight, keeps new ones out
          DELETE FROM town_unit_counts;
          INSERT INTO town_unit_counts (city_id, storefronts, synthetic)
          SELECT city_id, count(*), count(*) FILTER (WHERE is_synthetic) FROM storefronts GROUP BY city_id;
        END $$`);
    await q.query(`SELECT town_unit_counts_rebuild()`);
    await q.query(`DROP INDEX storefronts_synthetic_city`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX storefronts_synthetic_city ON storefronts (city_id) WHERE is_synthetic`);
    await q.query(`DROP TRIGGER storefronts_unit_counts_insert ON storefronts`);
    await q.query(`DROP TRIGGER storefronts_unit_counts_delete ON storefronts`);
    await q.query(`DROP TRIGGER storefronts_unit_counts_update ON storefronts`);
    await q.query(`DROP FUNCTION town_unit_counts_on_storefronts(), town_unit_counts_rebuild()`);
    await q.query(`DROP TABLE town_unit_counts`);
  }
}
