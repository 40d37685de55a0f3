import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every on-site verification of a unit is kept, so that data freshness on a past date is exact
 * (docs/kpis.md, "Data freshness"). Before, only `storefronts.verified_at` (the last visit) existed:
 * a unit verified in March 2024 and again in May 2025 counted as not fresh on every date before May
 * 2025 — a freshness series over past quarters fell towards zero however regularly a town walked
 * its downtown.
 *
 * - `storefront_verifications`: one row per visit (unit, time). Written by triggers whenever
 *   `storefronts.verified_at` is set (the verify endpoint, seeds, direct SQL alike), so every write
 *   path records its visits; the visits go with their unit.
 * - `storefronts.fresh_during`: the days on which the unit's record counts as fresh — the union of
 *   [V, V + 12 months) over its visits V (Europe/Berlin dates), kept by a BEFORE trigger from
 *   `verified_at`; not writable directly. Clearing `verified_at` once set is refused: a visit that
 *   happened cannot be un-recorded by it.
 * - The KPI triggers and `kpi_rebuild` of FasterKpiAggregates count freshness from `fresh_during`
 *   (one event pair per stretch of it inside a period) instead of from the last visit. Their bodies
 *   are rewritten in place, like FasterImportCommit did; the migration stops if a text is not found
 *   as often as expected.
 *
 * Earlier visits are recovered from the audit trail (snapshots whose `verifiedAt` changed); the
 * units concerned get their `fresh_during` widened after the KPI triggers were rewritten, so the
 * pre-aggregates follow exactly.
 */
type Rewrite = [from: string, to: string, times: number];

/** The unit attribute in every `state` CTE (UNIT_PERIOD of FasterKpiAggregates). */
const UNIT_FRESHNESS: Rewrite = [
  `(s.verified_at AT TIME ZONE 'Europe/Berlin')::date AS verified_on`,
  `s.fresh_during`,
  0,
];
const STATE_COLUMNS: Rewrite = [`area, verified_on, status`, `area, fresh_during, status`, 0];
const FRESH_UNTIL: Rewrite = [
  `AS next_from,
           (st.verified_on + interval '12 months')::date AS fresh_until`,
  `AS next_from`,
  0,
];
/** Freshness events: one +1/−1 pair per stretch of `fresh_during` inside the period. */
const FRESH_EVENTS: Rewrite = [
  `
    CROSS JOIN LATERAL (SELECT greatest(per.valid_from, per.verified_on) AS s,
                               least(COALESCE(per.valid_to, per.fresh_until), per.fresh_until) AS t) f
    CROSS JOIN LATERAL (VALUES (f.s, 1), (f.t, -1)) e(day, sign)
    WHERE per.status <> 'demolished' AND per.verified_on IS NOT NULL AND f.s < f.t`,
  `
    CROSS JOIN LATERAL unnest(per.fresh_during * datemultirange(daterange(per.valid_from, per.valid_to))) f(stretch)
    CROSS JOIN LATERAL (VALUES (lower(f.stretch), 1), (upper(f.stretch), -1)) e(day, sign)
    WHERE per.status <> 'demolished' AND per.fresh_during IS NOT NULL`,
  0,
];

const times = ([from, to]: Rewrite, n: number): Rewrite => [from, to, n];

const KPI_REWRITES: [fn: string, rewrites: Rewrite[]][] = [
  [
    'kpi_on_periods_v2()',
    [times(UNIT_FRESHNESS, 5), times(STATE_COLUMNS, 6), times(FRESH_UNTIL, 3), times(FRESH_EVENTS, 3)],
  ],
  [
    'kpi_on_storefronts_v2()',
    [
      [
        `OR (n.verified_at AT TIME ZONE 'Europe/Berlin')::date
            IS DISTINCT FROM (o.verified_at AT TIME ZONE 'Europe/Berlin')::date`,
        `OR n.fresh_during IS DISTINCT FROM o.fresh_during`,
        1,
      ],
      times(UNIT_FRESHNESS, 2),
      times(FRESH_UNTIL, 1),
      times(FRESH_EVENTS, 1),
    ],
  ],
  [
    'kpi_on_storefront_delete_v2()',
    [
      [`$3::date AS verified_on`, `$3::datemultirange AS fresh_during`, 1],
      [`(OLD.verified_at AT TIME ZONE 'Europe/Berlin')::date, OLD.id`, `OLD.fresh_during, OLD.id`, 1],
      times(FRESH_UNTIL, 1),
      times(FRESH_EVENTS, 1),
    ],
  ],
  ['kpi_rebuild_v2(uuid[])', [times(UNIT_FRESHNESS, 1), times(FRESH_UNTIL, 1), times(FRESH_EVENTS, 1)]],
];

/** Rewrites a function's definition; each text must occur exactly as often as expected. */
async function rewriteFunction(q: QueryRunner, fn: string, rewrites: Rewrite[]): Promise<void> {
  const [row] = (await q.query(`SELECT pg_get_functiondef('${fn}'::regprocedure) AS def`)) as {
    def: string;
  }[];
  let def = row!.def;
  for (const [from, to, n] of rewrites) {
    const parts = def.split(from);
    if (parts.length - 1 !== n) throw new Error(`${fn} has "${from}" ${parts.length - 1} times, not ${n}`);
    def = parts.join(to);
  }
  await q.query(def);
}

/** Visits recorded in the audit trail before this migration (storefront snapshots whose verifiedAt changed). */
const AUDITED_VISITS = `
  SELECT a.entity_id AS storefront_id, (a.after ->> 'verifiedAt')::timestamptz AS verified_at
  FROM audit_log a JOIN storefronts s ON s.id = a.entity_id
  WHERE a.entity_type = 'storefront' AND a.after ->> 'verifiedAt' IS NOT NULL
    AND a.after ->> 'verifiedAt' IS DISTINCT FROM a.before ->> 'verifiedAt'
    -- snapshots keep milliseconds (a JavaScript Date), verified_at microseconds: the last visit's own
    -- snapshot must not count as an earlier visit
    AND (a.after ->> 'verifiedAt')::timestamptz < date_trunc('milliseconds', s.verified_at)`;

export class VerificationHistory1765400000000 implements MigrationInterface {
  name = 'VerificationHistory1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE storefront_verifications (
        storefront_id uuid NOT NULL REFERENCES storefronts (id) ON DELETE CASCADE,
        verified_at   timestamptz NOT NULL,
        PRIMARY KEY (storefront_id, verified_at)
      )`);
    await q.query(`ALTER TABLE storefronts ADD COLUMN fresh_during datemultirange`);
    await q.query(`
      CREATE FUNCTION verification_window(visit timestamptz) RETURNS daterange LANGUAGE sql STABLE STRICT AS $$
        SELECT daterange(d, (d + interval '12 months')::date) FROM (SELECT (visit AT TIME ZONE 'Europe/Berlin')::date AS d) v
      $$`);

    // The last visit's window for every verified unit: what the KPI triggers counted so far, so the
    // pre-aggregates stay right as they are. No trigger has anything to do here (no tile, import-plan
    // or KPI data changes).
    await q.query(`ALTER TABLE storefronts DISABLE TRIGGER USER`);
    await q.query(`
      UPDATE storefronts SET fresh_during = datemultirange(verification_window(verified_at))
      WHERE verified_at IS NOT NULL`);
    await q.query(`ALTER TABLE storefronts ENABLE TRIGGER USER`);
    await q.query(`
      INSERT INTO storefront_verifications (storefront_id, verified_at)
      SELECT id, verified_at FROM storefronts WHERE verified_at IS NOT NULL
      UNION
      ${AUDITED_VISITS}`);

    for (const [fn, rewrites] of KPI_REWRITES) await rewriteFunction(q, fn, rewrites);

    // Earlier visits from the audit trail widen their units' windows; the rewritten KPI trigger on
    // storefronts adds the difference to the pre-aggregates. Not a change of the units: their
    // updated_at (the reports' "last change of the register") stays.
    await q.query(`ALTER TABLE storefronts DISABLE TRIGGER storefronts_touch`);
    await q.query(`
      UPDATE storefronts s SET fresh_during = w.fresh_during
      FROM (SELECT storefront_id, range_agg(verification_window(verified_at)) AS fresh_during
            FROM storefront_verifications
            WHERE storefront_id IN (SELECT storefront_id FROM (${AUDITED_VISITS}) a)
            GROUP BY storefront_id) w
      WHERE s.id = w.storefront_id AND s.fresh_during IS DISTINCT FROM w.fresh_during`);
    await q.query(`ALTER TABLE storefronts ENABLE TRIGGER storefronts_touch`);

    await q.query(`
      CREATE FUNCTION storefront_keep_fresh_during() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.fresh_during := CASE WHEN NEW.verified_at IS NOT NULL
                                   THEN datemultirange(verification_window(NEW.verified_at)) END;
        ELSIF NEW.verified_at IS NULL AND OLD.verified_at IS NOT NULL THEN
          RAISE EXCEPTION 'a recorded on-site verification cannot be cleared (unit %)', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'storefront_verifications_kept';
        ELSIF NEW.verified_at IS DISTINCT FROM OLD.verified_at THEN
          NEW.fresh_during := COALESCE(OLD.fresh_during, '{}') + datemultirange(verification_window(NEW.verified_at));
        ELSE
          NEW.fresh_during := OLD.fresh_during;
        END IF;
        RETURN NEW;
      END $$`);
    // A unit inserted without a visit has no window (an import's 100,000 new units call nothing).
    await q.query(`
      CREATE TRIGGER storefronts_fresh_during BEFORE INSERT ON storefronts
        FOR EACH ROW WHEN (NEW.verified_at IS NOT NULL OR NEW.fresh_during IS NOT NULL)
        EXECUTE FUNCTION storefront_keep_fresh_during()`);
    await q.query(`
      CREATE TRIGGER storefronts_fresh_during_update BEFORE UPDATE OF verified_at, fresh_during ON storefronts
        FOR EACH ROW WHEN (NEW.verified_at IS DISTINCT FROM OLD.verified_at
                           OR NEW.fresh_during IS DISTINCT FROM OLD.fresh_during)
        EXECUTE FUNCTION storefront_keep_fresh_during()`);

    await q.query(`
      CREATE FUNCTION storefront_record_visits() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO storefront_verifications (storefront_id, verified_at)
        SELECT id, verified_at FROM new_storefronts WHERE verified_at IS NOT NULL
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_visits_insert AFTER INSERT ON storefronts
        REFERENCING NEW TABLE AS new_storefronts
        FOR EACH STATEMENT EXECUTE FUNCTION storefront_record_visits()`);
    // Per row, filtered by WHEN: the other updates of units (an import's 31,250) call nothing.
    await q.query(`
      CREATE FUNCTION storefront_record_visit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO storefront_verifications (storefront_id, verified_at) VALUES (NEW.id, NEW.verified_at)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_visits_update AFTER UPDATE OF verified_at ON storefronts
        FOR EACH ROW WHEN (NEW.verified_at IS DISTINCT FROM OLD.verified_at AND NEW.verified_at IS NOT NULL)
        EXECUTE FUNCTION storefront_record_visit()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER storefronts_visits_update ON storefronts`);
    await q.query(`DROP TRIGGER storefronts_visits_insert ON storefronts`);
    await q.query(`DROP TRIGGER storefronts_fresh_during_update ON storefronts`);
    await q.query(`DROP TRIGGER storefronts_fresh_during ON storefronts`);
    await q.query(
      `DROP FUNCTION storefront_record_visits(), storefront_record_visit(), storefront_keep_fresh_during()`,
    );
    for (const [fn, rewrites] of KPI_REWRITES) {
      await rewriteFunction(
        q,
        fn,
        rewrites.map(([from, to, n]) => [to, from, n]),
      );
    }
    // Back to counting the last visit only: the towns with units of several visits are recomputed.
    await q.query(`
      SELECT kpi_rebuild(ARRAY(
        SELECT DISTINCT s.city_id FROM storefronts s
        WHERE s.verified_at IS NOT NULL
          AND s.fresh_during IS DISTINCT FROM datemultirange(verification_window(s.verified_at))))`);
    await q.query(`ALTER TABLE storefronts DROP COLUMN fresh_during`);
    await q.query(`DROP FUNCTION verification_window(timestamptz)`);
    await q.query(`DROP TABLE storefront_verifications`);
  }
}
