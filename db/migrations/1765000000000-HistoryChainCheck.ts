import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GAP_CHECK } from './1764600000000-FasterImportChecks.js';

/**
 * One check at commit for a unit's occupancy history, instead of the GiST exclusion constraint per row
 * (docs/data-model.md, "Histories"; docs/import-export.md, "Speed").
 *
 * A history is a **chain**: ordered by `valid_from`, each period ends on the day the next begins. The
 * deferred gap check of FasterImportChecks already compared every period with the next — and an
 * overlap breaks that comparison as surely as a gap does (a period that ends after the next one starts,
 * or does not end at all). So the check now tells the two apart and answers an overlap as the exclusion
 * constraint did: SQLSTATE 23P01 with the constraint name `occupancy_periods_no_overlap` (the API's
 * OVERLAPPING_PERIODS); a gap stays SF001. The GiST index behind the constraint goes: maintaining and
 * probing it was the largest single cost of writing periods (100,000 new units' periods: 1.4–2.3 s of
 * 5 s at S, 3–3.5 s of 8 s at M, more at L). A btree on (unit, start) serves the lookups by unit that
 * used the GiST index (a unit's history, deletes, exports).
 *
 * Same guarantee under concurrency: every statement writing periods takes its town's write lock
 * (TileGridLocks) and holds it to the end of the transaction, so a second writer of the town's
 * histories waits, and its check at commit reads with a snapshot taken after the first one committed
 * (READ COMMITTED). In REPEATABLE READ or SERIALIZABLE a writer whose snapshot predates another
 * writer's commit fails with 40001 at its first write (the town's version rows it updates changed
 * under it). `api/test/database-constraints.e2e-spec.ts` tests both.
 *
 * Names follow the meaning: `check_occupancy_chain()` and the constraint trigger
 * `occupancy_periods_chain` (were `check_occupancy_gap_free` / `occupancy_periods_gap_free`); `SET
 * CONSTRAINTS occupancy_periods_chain IMMEDIATE` checks at once, as before.
 */
const CHAIN_CHECK = `
  CREATE FUNCTION check_occupancy_chain() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    sid uuid;
    overlapping boolean;
  BEGIN
    WITH queued AS (DELETE FROM occupancy_gap_checks RETURNING city_ids, storefront_ids),
    units AS (SELECT DISTINCT u.city_id, u.storefront_id
              FROM queued, unnest(queued.city_ids, queued.storefront_ids) AS u(city_id, storefront_id))
    SELECT units.storefront_id, p.valid_to IS NULL OR p.valid_to > p.next_from INTO sid, overlapping
    FROM units CROSS JOIN LATERAL (
      SELECT o.valid_to, lead(o.valid_from) OVER (ORDER BY o.valid_from) AS next_from
      FROM occupancy_periods o WHERE o.city_id = units.city_id AND o.storefront_id = units.storefront_id
    ) p
    WHERE p.next_from IS NOT NULL AND p.valid_to IS DISTINCT FROM p.next_from
    ORDER BY 2 DESC
    LIMIT 1;
    IF overlapping THEN
      RAISE EXCEPTION 'occupancy history of storefront % has overlapping periods', sid
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'occupancy_periods_no_overlap',
              HINT = 'A storefront has one status at a time: each period must end before the next one starts.';
    ELSIF sid IS NOT NULL THEN
      RAISE EXCEPTION 'occupancy history of storefront % has a gap', sid
        USING ERRCODE = 'SF001', HINT = 'Each period must end on the day the next one starts.';
    END IF;
    RETURN NULL;
  END $$`;

const constraintTrigger = (name: string, fn: string): string => `
  CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT ON occupancy_gap_checks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${fn}()`;

export class HistoryChainCheck1765000000000 implements MigrationInterface {
  name = 'HistoryChainCheck1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER occupancy_periods_gap_free ON occupancy_gap_checks`);
    await q.query(`DROP FUNCTION check_occupancy_gap_free()`);
    await q.query(CHAIN_CHECK);
    await q.query(constraintTrigger('occupancy_periods_chain', 'check_occupancy_chain'));
    await q.query(`ALTER TABLE occupancy_periods DROP CONSTRAINT occupancy_periods_no_overlap`);
    await q.query(`CREATE INDEX occupancy_periods_unit ON occupancy_periods (storefront_id, valid_from)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX occupancy_periods_unit`);
    await q.query(`
      ALTER TABLE occupancy_periods ADD CONSTRAINT occupancy_periods_no_overlap EXCLUDE USING gist (
        storefront_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&) DEFERRABLE INITIALLY IMMEDIATE`);
    await q.query(`DROP TRIGGER occupancy_periods_chain ON occupancy_gap_checks`);
    await q.query(`DROP FUNCTION check_occupancy_chain()`);
    await q.query(GAP_CHECK); // FasterImportChecks' check (gaps only; overlaps were the exclusion constraint's)
    await q.query(constraintTrigger('occupancy_periods_gap_free', 'check_occupancy_gap_free'));
  }
}
