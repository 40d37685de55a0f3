import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-aggregated KPI counts (docs/kpis.md, "How it is computed"), kept exact on every write.
 *
 * - `storefronts.inside_perimeter`: the KPI scope, set on insert/location change and re-evaluated
 *   for the town's units when its perimeter changes.
 * - `kpi_town_days` / `kpi_town_months`: per town and day (month) the *change* of every additive
 *   count (units, statuses, areas, use mix, long-term vacancy, freshness, openings, closures,
 *   re-lettings). A count on date D is the sum of the changes up to D.
 * - `kpi_vacancies`: one row per unbroken vacancy of a unit in scope (start, end, re-letting day),
 *   for the exact medians.
 *
 * Maintenance: statement-level triggers with transition tables compute, for the storefronts a
 * statement touched, the contribution of their state after the statement minus that of their
 * state before it (reconstructed from the transition tables), and add the difference. Sums of
 * differences telescope, so the aggregates equal a recomputation from scratch after any sequence
 * of statements, including ones that pass through intermediate (gap) states inside a transaction.
 * A storefront's own deletion is subtracted row by row before the row goes (its periods then
 * cascade away with nothing left to subtract). The functions plan every statement for its actual
 * arrays (`plan_cache_mode = force_custom_plan`): a generic plan for `storefront_id = ANY($1)` may
 * scan all periods.
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

/** Every delta column of kpi_town_days/kpi_town_months with its type. */
export const KPI_DELTA_COLUMNS: [string, 'int' | 'numeric'][] = [
  ['units', 'int'],
  ['vacant', 'int'],
  ['under_renovation', 'int'],
  ['not_lettable', 'int'],
  ['temporary_use', 'int'],
  ['in_use', 'int'],
  ['long_term_vacant', 'int'],
  ['units_with_area', 'int'],
  ['area_total', 'numeric'],
  ['vacant_area', 'numeric'],
  ['fresh', 'int'],
  ...MIX.map((k): [string, 'int'] => [`mix_${k}`, 'int']),
  ['mix_unspecified', 'int'],
  ['openings', 'int'],
  ['closures', 'int'],
  ['re_lettings', 'int'],
];
const cols = KPI_DELTA_COLUMNS.map(([c]) => c);
const IN_USE = `('occupied', 'temporary_use')`;

/** The state of one period of a unit together with the unit's KPI attributes. */
const PERIOD_ROW = (p: string, s: string): string =>
  `ROW(${p}.storefront_id, ${p}.city_id, ${s}.inside_perimeter, ${s}.floor_area_m2,
       (${s}.verified_at AT TIME ZONE 'Europe/Berlin')::date,
       ${p}.status, ${p}.use_category, ${p}.valid_from, ${p}.valid_to)::kpi_unit_period`;

export class AddKpiPreAggregates1764100000000 implements MigrationInterface {
  name = 'AddKpiPreAggregates1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // ---- scope flag ----
    await q.query(`ALTER TABLE storefronts ADD COLUMN inside_perimeter boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE storefronts DISABLE TRIGGER storefronts_touch`);
    await q.query(`
      UPDATE storefronts s SET inside_perimeter = true
        FROM cities c WHERE c.id = s.city_id AND ST_Intersects(c.perimeter, s.location)`);
    await q.query(`ALTER TABLE storefronts ENABLE TRIGGER storefronts_touch`);
    await q.query(`
      CREATE FUNCTION storefront_set_inside_perimeter() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.inside_perimeter := COALESCE(
          (SELECT ST_Intersects(c.perimeter, NEW.location) FROM cities c WHERE c.id = NEW.city_id), false);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_inside_perimeter BEFORE INSERT OR UPDATE OF location, city_id ON storefronts
        FOR EACH ROW EXECUTE FUNCTION storefront_set_inside_perimeter()`);
    await q.query(`
      CREATE FUNCTION city_perimeter_rescope() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE storefronts s SET inside_perimeter = COALESCE(ST_Intersects(NEW.perimeter, s.location), false)
         WHERE s.city_id = NEW.id
           AND s.inside_perimeter IS DISTINCT FROM COALESCE(ST_Intersects(NEW.perimeter, s.location), false);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER cities_perimeter_rescope AFTER UPDATE OF perimeter ON cities
        FOR EACH ROW WHEN (ST_AsBinary(OLD.perimeter) IS DISTINCT FROM ST_AsBinary(NEW.perimeter))
        EXECUTE FUNCTION city_perimeter_rescope()`);

    // ---- aggregate tables ----
    const deltaDefs = KPI_DELTA_COLUMNS.map(([c, t]) => `${c} ${t} NOT NULL DEFAULT 0`).join(',\n        ');
    await q.query(`
      CREATE TABLE kpi_town_days (
        city_id uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        day     date NOT NULL,
        ${deltaDefs},
        PRIMARY KEY (city_id, day)
      )`);
    await q.query(`
      CREATE TABLE kpi_town_months (
        city_id uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        month   date NOT NULL CHECK (extract(day FROM month) = 1),
        ${deltaDefs},
        PRIMARY KEY (city_id, month)
      )`);
    await q.query(`
      CREATE TABLE kpi_vacancies (
        storefront_id uuid NOT NULL REFERENCES storefronts (id) ON DELETE CASCADE,
        city_id       uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        started_on    date NOT NULL,
        ended_on      date,
        relet_on      date
      )`);
    await q.query(`CREATE INDEX kpi_vacancies_storefront ON kpi_vacancies (storefront_id)`);
    await q.query(`
      CREATE INDEX kpi_vacancies_span ON kpi_vacancies (city_id, (COALESCE(ended_on, 'infinity'::date)))
        INCLUDE (started_on)`);
    await q.query(`
      CREATE INDEX kpi_vacancies_relet ON kpi_vacancies (city_id, relet_on) INCLUDE (started_on)
        WHERE relet_on IS NOT NULL`);

    // ---- contribution of unit states ----
    await q.query(`
      CREATE TYPE kpi_unit_period AS (
        storefront_id uuid, city_id uuid, inside boolean, area numeric, verified_on date,
        status text, use_category text, valid_from date, valid_to date)`);

    const sumOf = (filter: string, value = 'sign'): string =>
      `COALESCE(sum(${value}) FILTER (WHERE ${filter}), 0)`;
    const mixSums = MIX.map(
      (k) => `${sumOf(`kind = 's' AND status IN ${IN_USE} AND use_category = '${k}'`)}::int`,
    );
    await q.query(`
      CREATE FUNCTION kpi_events(p kpi_unit_period[])
      RETURNS TABLE (city_id uuid, day date, ${KPI_DELTA_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})
      LANGUAGE sql STABLE AS $$
        WITH per AS (
          SELECT u.*,
                 COALESCE(max(u.valid_to) FILTER (WHERE u.status <> 'vacant') OVER w, min(u.valid_from) OVER w)
                   AS vacancy_start,
                 lag(u.status) OVER w AS prev_status,
                 lead(u.valid_from) OVER (PARTITION BY u.storefront_id ORDER BY u.valid_from) IS NULL AS is_last,
                 (u.verified_on + interval '12 months')::date AS fresh_until
          FROM unnest(p) u
          WHERE u.inside
          WINDOW w AS (PARTITION BY u.storefront_id ORDER BY u.valid_from
                       ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        ),
        ev AS (
          SELECT per.city_id, e.day, e.sign, 's' AS kind, per.status, per.use_category, per.area,
                 NULL::text AS before, NULL::text AS after
          FROM per CROSS JOIN LATERAL (VALUES (per.valid_from, 1), (per.valid_to, -1)) e(day, sign)
          WHERE per.status <> 'demolished' AND e.day IS NOT NULL
          UNION ALL
          SELECT per.city_id, e.day, e.sign, 'l', NULL, NULL, NULL, NULL, NULL
          FROM per
          CROSS JOIN LATERAL (SELECT greatest(per.valid_from, (per.vacancy_start + interval '12 months')::date) AS s) l
          CROSS JOIN LATERAL (VALUES (l.s, 1), (per.valid_to, -1)) e(day, sign)
          WHERE per.status = 'vacant' AND (per.valid_to IS NULL OR l.s < per.valid_to) AND e.day IS NOT NULL
          UNION ALL
          SELECT per.city_id, e.day, e.sign, 'f', NULL, NULL, NULL, NULL, NULL
          FROM per
          CROSS JOIN LATERAL (SELECT greatest(per.valid_from, per.verified_on) AS s,
                                     least(COALESCE(per.valid_to, per.fresh_until), per.fresh_until) AS t) f
          CROSS JOIN LATERAL (VALUES (f.s, 1), (f.t, -1)) e(day, sign)
          WHERE per.status <> 'demolished' AND per.verified_on IS NOT NULL AND f.s < f.t
          UNION ALL
          SELECT per.city_id, per.valid_from, 1, 't', NULL, NULL, NULL, per.prev_status, per.status FROM per
          UNION ALL
          SELECT per.city_id, per.valid_to, 1, 't', NULL, NULL, NULL, per.status, NULL
          FROM per WHERE per.is_last AND per.valid_to IS NOT NULL
        ),
        classified AS (
          SELECT ev.*, COALESCE(after IN ${IN_USE}, false) AS into_use, COALESCE(before IN ${IN_USE}, false) AS from_use
          FROM ev
        )
        SELECT city_id, day,
               ${sumOf(`kind = 's'`)}::int,
               ${sumOf(`kind = 's' AND status = 'vacant'`)}::int,
               ${sumOf(`kind = 's' AND status = 'under_renovation'`)}::int,
               ${sumOf(`kind = 's' AND status = 'not_lettable'`)}::int,
               ${sumOf(`kind = 's' AND status = 'temporary_use'`)}::int,
               ${sumOf(`kind = 's' AND status IN ${IN_USE}`)}::int,
               ${sumOf(`kind = 'l'`)}::int,
               ${sumOf(`kind = 's' AND area IS NOT NULL`)}::int,
               ${sumOf(`kind = 's' AND area IS NOT NULL`, 'sign * area')}::numeric,
               ${sumOf(`kind = 's' AND status = 'vacant' AND area IS NOT NULL`, 'sign * area')}::numeric,
               ${sumOf(`kind = 'f'`)}::int,
               ${mixSums.join(',\n               ')},
               ${sumOf(`kind = 's' AND status IN ${IN_USE} AND use_category IS NULL`)}::int,
               (count(*) FILTER (WHERE kind = 't' AND into_use AND NOT from_use))::int,
               (count(*) FILTER (WHERE kind = 't' AND from_use AND NOT into_use))::int,
               (count(*) FILTER (WHERE kind = 't' AND before = 'vacant' AND into_use))::int
        FROM classified
        GROUP BY city_id, day
      $$`);

    /** Adds contribution(after) − contribution(before) to the day and month tables. */
    const diff = (table: string, key: string, keyExpr: string): string => `
        INSERT INTO ${table} AS t (city_id, ${key}, ${cols.join(', ')})
        SELECT city_id, ${keyExpr}, ${cols.map((c) => `sum(w * ${c})`).join(', ')}
        FROM (SELECT 1 AS w, * FROM kpi_events(after_state)
              UNION ALL SELECT -1, * FROM kpi_events(before_state)) e
        GROUP BY 1, 2
        HAVING ${cols.map((c) => `sum(w * ${c}) <> 0`).join(' OR ')}
        ORDER BY 1, 2
        ON CONFLICT (city_id, ${key}) DO UPDATE SET
          ${cols.map((c) => `${c} = t.${c} + excluded.${c}`).join(',\n          ')}`;
    await q.query(`
      CREATE FUNCTION kpi_apply(before_state kpi_unit_period[], after_state kpi_unit_period[])
      RETURNS void LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      BEGIN
        IF cardinality(before_state) = 0 AND cardinality(after_state) = 0 THEN RETURN; END IF;
        ${diff('kpi_town_days', 'day', 'day')};
        ${diff('kpi_town_months', 'month', `date_trunc('month', day)::date`)};
      END $$`);

    /** The vacancies of the given units, recomputed from their current state. */
    await q.query(`
      CREATE FUNCTION kpi_refresh_vacancies(sids uuid[]) RETURNS void LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      BEGIN
        DELETE FROM kpi_vacancies WHERE storefront_id = ANY(sids);
        INSERT INTO kpi_vacancies (storefront_id, city_id, started_on, ended_on, relet_on)
        SELECT storefront_id, city_id, vacancy_start, valid_to,
               CASE WHEN next_status IN ${IN_USE} THEN next_from END
        FROM (
          SELECT o.storefront_id, o.city_id, o.status, o.valid_to,
                 COALESCE(max(o.valid_to) FILTER (WHERE o.status <> 'vacant') OVER w, min(o.valid_from) OVER w)
                   AS vacancy_start,
                 lead(o.status) OVER (PARTITION BY o.storefront_id ORDER BY o.valid_from) AS next_status,
                 lead(o.valid_from) OVER (PARTITION BY o.storefront_id ORDER BY o.valid_from) AS next_from
          FROM occupancy_periods o JOIN storefronts s ON s.id = o.storefront_id
          WHERE o.storefront_id = ANY(sids) AND s.inside_perimeter
          WINDOW w AS (PARTITION BY o.storefront_id ORDER BY o.valid_from
                       ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        ) p
        WHERE status = 'vacant' AND next_status IS DISTINCT FROM 'vacant';
      END $$`);

    // ---- triggers ----
    const current = (where: string): string =>
      `ARRAY(SELECT ${PERIOD_ROW('o', 's')} FROM occupancy_periods o JOIN storefronts s ON s.id = o.storefront_id
             WHERE ${where})`;
    await q.query(`
      CREATE FUNCTION kpi_on_periods() RETURNS trigger LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      DECLARE
        sids uuid[];
        before_state kpi_unit_period[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT storefront_id) INTO sids FROM new_periods;
          before_state := ${current('o.storefront_id = ANY(sids) AND o.id NOT IN (SELECT id FROM new_periods)')};
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT array_agg(DISTINCT storefront_id) INTO sids
            FROM (SELECT storefront_id FROM new_periods UNION SELECT storefront_id FROM old_periods) x;
          before_state := ${current('o.storefront_id = ANY(sids) AND o.id NOT IN (SELECT id FROM new_periods)')}
            || ARRAY(SELECT ${PERIOD_ROW('o', 's')} FROM old_periods o JOIN storefronts s ON s.id = o.storefront_id);
        ELSE
          SELECT array_agg(DISTINCT storefront_id) INTO sids FROM old_periods;
          before_state := ${current('o.storefront_id = ANY(sids)')}
            || ARRAY(SELECT ${PERIOD_ROW('o', 's')} FROM old_periods o JOIN storefronts s ON s.id = o.storefront_id);
        END IF;
        IF sids IS NULL THEN RETURN NULL; END IF;
        PERFORM kpi_apply(before_state, ${current('o.storefront_id = ANY(sids)')});
        PERFORM kpi_refresh_vacancies(sids);
        RETURN NULL;
      END $$`);
    for (const [op, ref] of [
      ['INSERT', 'NEW TABLE AS new_periods'],
      ['UPDATE', 'OLD TABLE AS old_periods NEW TABLE AS new_periods'],
      ['DELETE', 'OLD TABLE AS old_periods'],
    ] as const) {
      await q.query(`
        CREATE TRIGGER occupancy_periods_kpi_${op.toLowerCase()} AFTER ${op} ON occupancy_periods
          REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION kpi_on_periods()`);
    }

    await q.query(`
      CREATE FUNCTION kpi_on_storefronts() RETURNS trigger LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      DECLARE
        sids uuid[];
      BEGIN
        SELECT array_agg(n.id) INTO sids
          FROM new_storefronts n JOIN old_storefronts o ON o.id = n.id
         WHERE n.inside_perimeter IS DISTINCT FROM o.inside_perimeter
            OR n.floor_area_m2 IS DISTINCT FROM o.floor_area_m2
            OR (n.verified_at AT TIME ZONE 'Europe/Berlin')::date
               IS DISTINCT FROM (o.verified_at AT TIME ZONE 'Europe/Berlin')::date;
        IF sids IS NULL THEN RETURN NULL; END IF;
        PERFORM kpi_apply(
          ARRAY(SELECT ${PERIOD_ROW('p', 's')} FROM occupancy_periods p JOIN old_storefronts s ON s.id = p.storefront_id
                 WHERE s.id = ANY(sids)),
          ARRAY(SELECT ${PERIOD_ROW('p', 's')} FROM occupancy_periods p JOIN new_storefronts s ON s.id = p.storefront_id
                 WHERE s.id = ANY(sids)));
        PERFORM kpi_refresh_vacancies(sids);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_kpi_update AFTER UPDATE ON storefronts
        REFERENCING OLD TABLE AS old_storefronts NEW TABLE AS new_storefronts
        FOR EACH STATEMENT EXECUTE FUNCTION kpi_on_storefronts()`);
    await q.query(`
      CREATE FUNCTION kpi_on_storefront_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM kpi_apply(
          ARRAY(SELECT ${PERIOD_ROW('p', 'OLD')} FROM occupancy_periods p WHERE p.storefront_id = OLD.id),
          '{}');
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER storefronts_kpi_delete BEFORE DELETE ON storefronts
        FOR EACH ROW EXECUTE FUNCTION kpi_on_storefront_delete()`);

    // ---- rebuild from scratch (backfill; also used by bulk loaders that bypass the triggers) ----
    await q.query(`
      CREATE FUNCTION kpi_rebuild(towns uuid[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      DECLARE
        town uuid;
      BEGIN
        FOR town IN SELECT id FROM cities WHERE towns IS NULL OR id = ANY(towns) ORDER BY id LOOP
          DELETE FROM kpi_town_days WHERE city_id = town;
          DELETE FROM kpi_town_months WHERE city_id = town;
          PERFORM kpi_apply('{}', ${current('o.city_id = town')});
          PERFORM kpi_refresh_vacancies(ARRAY(SELECT id FROM storefronts WHERE city_id = town));
        END LOOP;
      END $$`);
    await q.query(`SELECT kpi_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS storefronts_kpi_delete ON storefronts`);
    await q.query(`DROP TRIGGER IF EXISTS storefronts_kpi_update ON storefronts`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER IF EXISTS occupancy_periods_kpi_${op} ON occupancy_periods`);
    }
    await q.query(`DROP TRIGGER IF EXISTS cities_perimeter_rescope ON cities`);
    await q.query(`DROP TRIGGER IF EXISTS storefronts_inside_perimeter ON storefronts`);
    await q.query(`DROP FUNCTION IF EXISTS kpi_rebuild(uuid[]), kpi_on_storefront_delete(), kpi_on_storefronts(),
      kpi_on_periods(), kpi_refresh_vacancies(uuid[]), kpi_apply(kpi_unit_period[], kpi_unit_period[]),
      kpi_events(kpi_unit_period[]), city_perimeter_rescope(), storefront_set_inside_perimeter()`);
    await q.query(`DROP TYPE IF EXISTS kpi_unit_period`);
    await q.query(`DROP TABLE IF EXISTS kpi_vacancies, kpi_town_months, kpi_town_days`);
    await q.query(`ALTER TABLE storefronts DROP COLUMN IF EXISTS inside_perimeter`);
  }
}
