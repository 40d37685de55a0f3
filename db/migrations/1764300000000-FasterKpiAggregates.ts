import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KPI_DELTA_COLUMNS } from './1764100000000-AddKpiPreAggregates.js';

/**
 * Set-based maintenance of the KPI pre-aggregates (docs/kpis.md, "How it is computed"). Same tables,
 * same values as AddKpiPreAggregates; only how the triggers compute them changed.
 *
 * The first version passed the before/after states of the touched units as arrays of a composite
 * type through plpgsql functions (`kpi_apply(kpi_unit_period[], kpi_unit_period[])`,
 * `kpi_refresh_vacancies(uuid[])`): every array was built, copied and unnested row by row, the
 * contribution of each state was computed in a separate call, and `kpi_rebuild` looped town by town.
 * A 100,000-unit import statement spent tens of seconds there and a rebuild of 500,000 units ≈ 290 s.
 *
 * Here every trigger is one SQL statement over the transition tables: the touched units' periods
 * are read once, tagged w = +1 (state after the statement) or w = −1 (state before it), their events
 * are computed in one pass (windows partitioned by (w, unit)), the signed sums go to the day rows and,
 * from the same CTE, to the month rows, and the units' vacancies are deleted and re-inserted by
 * data-modifying CTEs of the same statement. The statements run through `EXECUTE`, so each is planned
 * with the actual sizes of its transition tables (a cached plan made for a one-row edit would
 * otherwise be reused for a 100,000-row import on the same connection). `kpi_rebuild` is one
 * statement for all requested towns.
 *
 * The v1 functions stay in the database under their names (unused; `down` re-attaches them).
 */
const MIX = [
  'retail_comparison',
  'retail_daily',
  'food_drink',
  'services',
  'health',
  'culture_leisure',
  'public_social',
  'other',
] as const;
const cols = KPI_DELTA_COLUMNS.map(([c]) => c);
const IN_USE = `('occupied', 'temporary_use')`;

/** One period of a unit with the unit's KPI attributes (`p` a period, `s` its storefront row). */
const UNIT_PERIOD = (p: string, s: string): string =>
  `${p}.storefront_id, ${p}.city_id, ${s}.inside_perimeter AS inside, ${s}.floor_area_m2 AS area,
   (${s}.verified_at AT TIME ZONE 'Europe/Berlin')::date AS verified_on,
   ${p}.status, ${p}.use_category, ${p}.valid_from, ${p}.valid_to`;

const sumOf = (filter: string, value = 'sign'): string =>
  `COALESCE(sum(${value}) FILTER (WHERE ${filter}), 0)`;

/**
 * CTEs `per`, `ev`, `diff` over the CTE `state` (columns w, storefront_id, city_id, inside, area,
 * verified_on, status, use_category, valid_from, valid_to): `diff` holds per town and day
 * Σ w × contribution — the events of kpi_events (migration AddKpiPreAggregates), signed by w.
 * `per` also carries what the vacancies need (next status and start).
 */
const EVENT_CTES = `
  per AS MATERIALIZED (
    SELECT st.*,
           COALESCE(max(st.valid_to) FILTER (WHERE st.status <> 'vacant') OVER run, min(st.valid_from) OVER run)
             AS vacancy_start,
           lag(st.status) OVER seq AS prev_status,
           lead(st.status) OVER seq AS next_status,
           lead(st.valid_from) OVER seq AS next_from,
           (st.verified_on + interval '12 months')::date AS fresh_until
    FROM state st
    WHERE st.inside
    WINDOW seq AS (PARTITION BY st.w, st.storefront_id ORDER BY st.valid_from),
           run AS (seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  ),
  ev AS (
    SELECT per.city_id, e.day, per.w * e.sign AS sign, 's' AS kind, per.status, per.use_category, per.area,
           NULL::text AS before, NULL::text AS after
    FROM per CROSS JOIN LATERAL (VALUES (per.valid_from, 1), (per.valid_to, -1)) e(day, sign)
    WHERE per.status <> 'demolished' AND e.day IS NOT NULL
    UNION ALL
    SELECT per.city_id, e.day, per.w * e.sign, 'l', NULL, NULL, NULL, NULL, NULL
    FROM per
    CROSS JOIN LATERAL (SELECT greatest(per.valid_from, (per.vacancy_start + interval '12 months')::date) AS s) l
    CROSS JOIN LATERAL (VALUES (l.s, 1), (per.valid_to, -1)) e(day, sign)
    WHERE per.status = 'vacant' AND (per.valid_to IS NULL OR l.s < per.valid_to) AND e.day IS NOT NULL
    UNION ALL
    SELECT per.city_id, e.day, per.w * e.sign, 'f', NULL, NULL, NULL, NULL, NULL
    FROM per
    CROSS JOIN LATERAL (SELECT greatest(per.valid_from, per.verified_on) AS s,
                               least(COALESCE(per.valid_to, per.fresh_until), per.fresh_until) AS t) f
    CROSS JOIN LATERAL (VALUES (f.s, 1), (f.t, -1)) e(day, sign)
    WHERE per.status <> 'demolished' AND per.verified_on IS NOT NULL AND f.s < f.t
    UNION ALL
    SELECT per.city_id, per.valid_from, per.w, 't', NULL, NULL, NULL, per.prev_status, per.status FROM per
    UNION ALL
    SELECT per.city_id, per.valid_to, per.w, 't', NULL, NULL, NULL, per.status, NULL
    FROM per WHERE per.next_from IS NULL AND per.valid_to IS NOT NULL
  ),
  diff AS MATERIALIZED (
    SELECT city_id, day,
           ${sumOf(`kind = 's'`)}::int AS units,
           ${sumOf(`kind = 's' AND status = 'vacant'`)}::int AS vacant,
           ${sumOf(`kind = 's' AND status = 'under_renovation'`)}::int AS under_renovation,
           ${sumOf(`kind = 's' AND status = 'not_lettable'`)}::int AS not_lettable,
           ${sumOf(`kind = 's' AND status = 'temporary_use'`)}::int AS temporary_use,
           ${sumOf(`kind = 's' AND status IN ${IN_USE}`)}::int AS in_use,
           ${sumOf(`kind = 'l'`)}::int AS long_term_vacant,
           ${sumOf(`kind = 's' AND area IS NOT NULL`)}::int AS units_with_area,
           ${sumOf(`kind = 's' AND area IS NOT NULL`, 'sign * area')}::numeric AS area_total,
           ${sumOf(`kind = 's' AND status = 'vacant' AND area IS NOT NULL`, 'sign * area')}::numeric AS vacant_area,
           ${sumOf(`kind = 'f'`)}::int AS fresh,
           ${MIX.map(
             (k) =>
               `${sumOf(`kind = 's' AND status IN ${IN_USE} AND use_category = '${k}'`)}::int AS mix_${k}`,
           ).join(',\n           ')},
           ${sumOf(`kind = 's' AND status IN ${IN_USE} AND use_category IS NULL`)}::int AS mix_unspecified,
           ${sumOf(`kind = 't' AND COALESCE(after IN ${IN_USE}, false) AND NOT COALESCE(before IN ${IN_USE}, false)`)}::int
             AS openings,
           ${sumOf(`kind = 't' AND COALESCE(before IN ${IN_USE}, false) AND NOT COALESCE(after IN ${IN_USE}, false)`)}::int
             AS closures,
           ${sumOf(`kind = 't' AND before = 'vacant' AND COALESCE(after IN ${IN_USE}, false)`)}::int AS re_lettings
    FROM ev
    GROUP BY city_id, day
  )`;

/** Upserts `diff` into the day rows and, summed per month, into the month rows (two CTEs + main). */
const APPLY_DIFF = `
  days AS (
    INSERT INTO kpi_town_days AS t (city_id, day, ${cols.join(', ')})
    SELECT city_id, day, ${cols.join(', ')} FROM diff
    WHERE ${cols.map((c) => `${c} <> 0`).join(' OR ')}
    ORDER BY city_id, day
    ON CONFLICT (city_id, day) DO UPDATE SET
      ${cols.map((c) => `${c} = t.${c} + excluded.${c}`).join(',\n      ')}
  ),
  months AS (
    INSERT INTO kpi_town_months AS t (city_id, month, ${cols.join(', ')})
    SELECT city_id, date_trunc('month', day)::date, ${cols.map((c) => `sum(${c})`).join(', ')}
    FROM diff
    GROUP BY 1, 2
    HAVING ${cols.map((c) => `sum(${c}) <> 0`).join(' OR ')}
    ORDER BY 1, 2
    ON CONFLICT (city_id, month) DO UPDATE SET
      ${cols.map((c) => `${c} = t.${c} + excluded.${c}`).join(',\n      ')}
  )`;

/**
 * Replaces the vacancies of the units in `state` with those of their state after the statement
 * (w = +1). Vacancies exist only for units that had periods, so only units with a before-state
 * (w = −1) can have rows to delete — a bulk insert of new units deletes nothing.
 */
const REFRESH_VACANCIES = `
  gone AS (
    DELETE FROM kpi_vacancies v
    USING (SELECT DISTINCT storefront_id FROM state WHERE w = -1) b
    WHERE v.storefront_id = b.storefront_id
  ),
  vacancies AS (
    INSERT INTO kpi_vacancies (storefront_id, city_id, started_on, ended_on, relet_on)
    SELECT storefront_id, city_id, vacancy_start, valid_to,
           CASE WHEN next_status IN ${IN_USE} THEN next_from END
    FROM per
    WHERE w = 1 AND status = 'vacant' AND next_status IS DISTINCT FROM 'vacant'
  )`;

/** The whole maintenance statement for the before/after states defined by `stateSql` (CTE body). */
const MAINTAIN = (stateSql: string): string => `
  WITH state AS MATERIALIZED (${stateSql}),
  ${EVENT_CTES},
  ${APPLY_DIFF},
  ${REFRESH_VACANCIES}
  SELECT count(*) FROM diff`;

/**
 * Current periods of the units in `units` (a query yielding city_id, storefront_id: the btree index
 * occupancy_periods_kpi leads with both), `is_new` when the period is in `newPeriods`. Joins, not
 * `IN (subquery)`: a subplan that does not fit work_mem as a hash is run per row (quadratic for a
 * 100,000-row import). Only units in scope: a period statement leaves the unit's scope as it is,
 * and a unit out of scope has no events and no vacancies.
 */
const CURRENT = (units: string, newPeriods?: string): string => `
  SELECT ${UNIT_PERIOD('o', 's')}, ${newPeriods ? 'n.id IS NOT NULL' : 'false'} AS is_new
  FROM (${units}) u
  JOIN occupancy_periods o ON o.city_id = u.city_id AND o.storefront_id = u.storefront_id
  JOIN storefronts s ON s.id = o.storefront_id AND s.inside_perimeter
  ${newPeriods ? `LEFT JOIN ${newPeriods} n ON n.id = o.id` : ''}`;

const ON_PERIODS_INSERT = MAINTAIN(`
    WITH cur AS MATERIALIZED (${CURRENT('SELECT DISTINCT city_id, storefront_id FROM new_periods', 'new_periods')})
    SELECT 1 AS w, storefront_id, city_id, inside, area, verified_on, status, use_category, valid_from, valid_to
    FROM cur
    UNION ALL
    SELECT -1, storefront_id, city_id, inside, area, verified_on, status, use_category, valid_from, valid_to
    FROM cur WHERE NOT is_new`);

const ON_PERIODS_UPDATE = MAINTAIN(`
    WITH cur AS MATERIALIZED (${CURRENT(
      'SELECT city_id, storefront_id FROM new_periods UNION SELECT city_id, storefront_id FROM old_periods',
      'new_periods',
    )})
    SELECT 1 AS w, storefront_id, city_id, inside, area, verified_on, status, use_category, valid_from, valid_to
    FROM cur
    UNION ALL
    SELECT -1, storefront_id, city_id, inside, area, verified_on, status, use_category, valid_from, valid_to
    FROM cur WHERE NOT is_new
    UNION ALL
    SELECT -1, ${UNIT_PERIOD('o', 's')}
    FROM old_periods o JOIN storefronts s ON s.id = o.storefront_id WHERE s.inside_perimeter`);

const ON_PERIODS_DELETE = MAINTAIN(`
    WITH cur AS MATERIALIZED (${CURRENT('SELECT DISTINCT city_id, storefront_id FROM old_periods')})
    SELECT 1 AS w, storefront_id, city_id, inside, area, verified_on, status, use_category, valid_from, valid_to
    FROM cur
    UNION ALL
    SELECT -1, storefront_id, city_id, inside, area, verified_on, status, use_category, valid_from, valid_to
    FROM cur
    UNION ALL
    SELECT -1, ${UNIT_PERIOD('o', 's')}
    FROM old_periods o JOIN storefronts s ON s.id = o.storefront_id WHERE s.inside_perimeter`);

/** Units whose scope, floor area or verification date (Berlin) changed: old attributes −, new +. */
const ON_STOREFRONTS_UPDATE = MAINTAIN(`
    WITH changed AS MATERIALIZED (
      SELECT n.id FROM new_storefronts n JOIN old_storefronts o ON o.id = n.id
      WHERE n.inside_perimeter IS DISTINCT FROM o.inside_perimeter
         OR n.floor_area_m2 IS DISTINCT FROM o.floor_area_m2
         OR (n.verified_at AT TIME ZONE 'Europe/Berlin')::date
            IS DISTINCT FROM (o.verified_at AT TIME ZONE 'Europe/Berlin')::date
    )
    SELECT 1 AS w, ${UNIT_PERIOD('p', 's')}
    FROM changed c JOIN new_storefronts s ON s.id = c.id JOIN occupancy_periods p ON p.storefront_id = c.id
    UNION ALL
    SELECT -1, ${UNIT_PERIOD('p', 's')}
    FROM changed c JOIN old_storefronts s ON s.id = c.id JOIN occupancy_periods p ON p.storefront_id = c.id`);

/** Before a storefront row goes: subtract its periods' contribution (they cascade away afterwards). */
const ON_STOREFRONT_DELETE = `
  WITH state AS MATERIALIZED (
    SELECT -1 AS w, p.storefront_id, p.city_id, $1::boolean AS inside, $2::numeric AS area, $3::date AS verified_on,
           p.status, p.use_category, p.valid_from, p.valid_to
    FROM occupancy_periods p WHERE p.storefront_id = $4
  ),
  ${EVENT_CTES},
  ${APPLY_DIFF}
  SELECT count(*) FROM diff`;

/** From scratch for the given towns (all when null): clear, then add every unit's contribution. */
const REBUILD = `
  WITH state AS MATERIALIZED (
    SELECT 1 AS w, ${UNIT_PERIOD('o', 's')}
    FROM occupancy_periods o JOIN storefronts s ON s.id = o.storefront_id
    WHERE $1::uuid[] IS NULL OR o.city_id = ANY($1::uuid[])
  ),
  ${EVENT_CTES},
  ${APPLY_DIFF},
  vacancies AS (
    INSERT INTO kpi_vacancies (storefront_id, city_id, started_on, ended_on, relet_on)
    SELECT storefront_id, city_id, vacancy_start, valid_to,
           CASE WHEN next_status IN ${IN_USE} THEN next_from END
    FROM per
    WHERE status = 'vacant' AND next_status IS DISTINCT FROM 'vacant'
  )
  SELECT count(*) FROM diff`;

const quoted = (sql: string): string => `$sql$${sql}$sql$`;

const OP_TRIGGERS = [
  ['INSERT', 'NEW TABLE AS new_periods'],
  ['UPDATE', 'OLD TABLE AS old_periods NEW TABLE AS new_periods'],
  ['DELETE', 'OLD TABLE AS old_periods'],
] as const;

export class FasterKpiAggregates1764300000000 implements MigrationInterface {
  name = 'FasterKpiAggregates1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kpi_on_periods_v2() RETURNS trigger LANGUAGE plpgsql SET jit = off SET work_mem = '64MB' AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE ${quoted(ON_PERIODS_INSERT)};
        ELSIF TG_OP = 'UPDATE' THEN
          EXECUTE ${quoted(ON_PERIODS_UPDATE)};
        ELSE
          EXECUTE ${quoted(ON_PERIODS_DELETE)};
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION kpi_on_storefronts_v2() RETURNS trigger LANGUAGE plpgsql SET jit = off SET work_mem = '64MB' AS $$
      BEGIN
        EXECUTE ${quoted(ON_STOREFRONTS_UPDATE)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION kpi_on_storefront_delete_v2() RETURNS trigger LANGUAGE plpgsql SET jit = off SET work_mem = '64MB' AS $$
      BEGIN
        EXECUTE ${quoted(ON_STOREFRONT_DELETE)}
          USING OLD.inside_perimeter, OLD.floor_area_m2,
                (OLD.verified_at AT TIME ZONE 'Europe/Berlin')::date, OLD.id;
        RETURN OLD;
      END $$`);
    for (const [op, ref] of OP_TRIGGERS) {
      await q.query(`DROP TRIGGER occupancy_periods_kpi_${op.toLowerCase()} ON occupancy_periods`);
      await q.query(`
        CREATE TRIGGER occupancy_periods_kpi_${op.toLowerCase()} AFTER ${op} ON occupancy_periods
          REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION kpi_on_periods_v2()`);
    }
    await q.query(`DROP TRIGGER storefronts_kpi_update ON storefronts`);
    await q.query(`
      CREATE TRIGGER storefronts_kpi_update AFTER UPDATE ON storefronts
        REFERENCING OLD TABLE AS old_storefronts NEW TABLE AS new_storefronts
        FOR EACH STATEMENT EXECUTE FUNCTION kpi_on_storefronts_v2()`);
    await q.query(`DROP TRIGGER storefronts_kpi_delete ON storefronts`);
    await q.query(`
      CREATE TRIGGER storefronts_kpi_delete BEFORE DELETE ON storefronts
        FOR EACH ROW EXECUTE FUNCTION kpi_on_storefront_delete_v2()`);

    await q.query(`ALTER FUNCTION kpi_rebuild(uuid[]) RENAME TO kpi_rebuild_v1`);
    await q.query(`
      CREATE FUNCTION kpi_rebuild(towns uuid[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql SET jit = off SET work_mem = '64MB' AS $$
      BEGIN
        DELETE FROM kpi_town_days WHERE towns IS NULL OR city_id = ANY(towns);
        DELETE FROM kpi_town_months WHERE towns IS NULL OR city_id = ANY(towns);
        DELETE FROM kpi_vacancies WHERE towns IS NULL OR city_id = ANY(towns);
        EXECUTE ${quoted(REBUILD)} USING towns;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kpi_rebuild(uuid[])`);
    await q.query(`ALTER FUNCTION kpi_rebuild_v1(uuid[]) RENAME TO kpi_rebuild`);
    for (const [op, ref] of OP_TRIGGERS) {
      await q.query(`DROP TRIGGER occupancy_periods_kpi_${op.toLowerCase()} ON occupancy_periods`);
      await q.query(`
        CREATE TRIGGER occupancy_periods_kpi_${op.toLowerCase()} AFTER ${op} ON occupancy_periods
          REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION kpi_on_periods()`);
    }
    await q.query(`DROP TRIGGER storefronts_kpi_update ON storefronts`);
    await q.query(`
      CREATE TRIGGER storefronts_kpi_update AFTER UPDATE ON storefronts
        REFERENCING OLD TABLE AS old_storefronts NEW TABLE AS new_storefronts
        FOR EACH STATEMENT EXECUTE FUNCTION kpi_on_storefronts()`);
    await q.query(`DROP TRIGGER storefronts_kpi_delete ON storefronts`);
    await q.query(`
      CREATE TRIGGER storefronts_kpi_delete BEFORE DELETE ON storefronts
        FOR EACH ROW EXECUTE FUNCTION kpi_on_storefront_delete()`);
    await q.query(
      `DROP FUNCTION kpi_on_periods_v2(), kpi_on_storefronts_v2(), kpi_on_storefront_delete_v2()`,
    );
  }
}
