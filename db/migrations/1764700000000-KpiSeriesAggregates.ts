import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `kpi_vacancy_months`: the exact `medianVacancyDays` (docs/kpis.md) of every town on every month's
 * last day, so a series (whose stock dates are always month ends) reads 4,000 rows for 100 towns ×
 * 40 quarters instead of expanding every vacancy over every date it covers (≈ 700 ms at 5 million
 * storefronts).
 *
 * Coverage, per town: one row for each month from the month of its earliest vacancy start to the
 * month of its latest vacancy event (start or end), `median_vacancy_days` null where no vacancy is
 * open on that month's last day. After the last event the open vacancies no longer change, so on a
 * later month end D the median is the last row's plus (D − that row's month end) — every age grows by
 * the same number of days (kpi-sql.ts applies that; before the first row the median is null).
 *
 * Maintenance: statement-level triggers on `kpi_vacancies` (itself maintained by the KPI triggers of
 * FasterKpiAggregates, so every write path reaches them) recompute, per town touched, the months
 * from the earliest start among the changed vacancies on — earlier months cannot contain them.
 * `kpi_rebuild` clears and recomputes the table for its towns (without the triggers in between).
 */
const MONTH_END = (month: string): string => `(${month} + interval '1 month - 1 day')::date`;

/**
 * Per town of `towns`: the month to recompute from and the town's coverage after the change (null
 * months when no vacancy is left). The recomputation starts at the smallest of its `froms` (month
 * starts), or earlier right after the town's last stored month: when the coverage grows at its end,
 * the months between the old and the new end depend on the unchanged vacancies too. A town without
 * rows is recomputed whole.
 */
const BOUNDS = `
  bounds AS MATERIALIZED (
    SELECT c.city_id,
           least(c.from_month,
                 COALESCE((SELECT max(k.month) FROM kpi_vacancy_months k WHERE k.city_id = c.city_id)
                            + interval '1 month', '-infinity'))::date AS from_month,
           b.first_month, b.last_month
    FROM (SELECT city_id, min(from_month) AS from_month FROM unnest(towns, froms) AS u(city_id, from_month)
          GROUP BY city_id) c
    CROSS JOIN LATERAL (
      SELECT date_trunc('month', min(v.started_on))::date AS first_month,
             date_trunc('month', greatest(max(v.started_on), max(v.ended_on)))::date AS last_month
      FROM kpi_vacancies v WHERE v.city_id = c.city_id) b
  )`;

/** Deletes and recomputes the rows of `towns` from `froms` on (and any beyond the new coverage). */
const REFRESH = `
  CREATE FUNCTION kpi_refresh_vacancy_months(towns uuid[], froms date[]) RETURNS void LANGUAGE plpgsql
    SET jit = off SET work_mem = '64MB' SET plan_cache_mode = force_custom_plan AS $$
  BEGIN
    WITH ${BOUNDS}
    DELETE FROM kpi_vacancy_months k USING bounds b
    WHERE k.city_id = b.city_id
      AND (k.month >= b.from_month OR b.last_month IS NULL OR k.month > b.last_month);

    WITH ${BOUNDS},
    medians AS (
      SELECT v.city_id, g.month::date AS month,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MONTH_END('g.month')} - v.started_on) AS median
      FROM bounds b
      JOIN kpi_vacancies v ON v.city_id = b.city_id
       AND COALESCE(v.ended_on, 'infinity'::date) > ${MONTH_END('greatest(b.from_month, b.first_month)')}
      -- the month ends with started_on <= end < ended_on
      CROSS JOIN LATERAL generate_series(
        greatest(date_trunc('month', v.started_on::timestamp), b.from_month::timestamp),
        COALESCE(date_trunc('month', v.ended_on - interval '1 month'), b.last_month::timestamp),
        interval '1 month') AS g(month)
      GROUP BY 1, 2
    )
    INSERT INTO kpi_vacancy_months (city_id, month, median_vacancy_days)
    SELECT b.city_id, g.month::date, m.median
    FROM bounds b
    CROSS JOIN LATERAL generate_series(
      greatest(b.from_month, b.first_month)::timestamp, b.last_month::timestamp, interval '1 month') AS g(month)
    LEFT JOIN medians m ON m.city_id = b.city_id AND m.month = g.month::date
    ORDER BY 1, 2;
  END $$`;

/** Per changed town, the month of the earliest start among `rows` (a transition table). */
const CHANGED = (rows: string): string =>
  `SELECT city_id, date_trunc('month', min(started_on))::date AS from_month FROM ${rows} GROUP BY city_id`;

const ON_VACANCIES = `
  CREATE FUNCTION kpi_on_vacancies() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    towns uuid[];
    froms date[];
  BEGIN
    IF current_setting('schaufenster.kpi_rebuilding', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(city_id), array_agg(from_month) INTO towns, froms FROM (${CHANGED('new_vacancies')}) c;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(city_id), array_agg(from_month) INTO towns, froms FROM (${CHANGED('old_vacancies')}) c;
    ELSE
      SELECT array_agg(city_id), array_agg(from_month) INTO towns, froms
      FROM (${CHANGED('(SELECT city_id, started_on FROM new_vacancies UNION ALL SELECT city_id, started_on FROM old_vacancies) x')}) c;
    END IF;
    IF towns IS NOT NULL THEN PERFORM kpi_refresh_vacancy_months(towns, froms); END IF;
    RETURN NULL;
  END $$`;

const TRIGGERS = [
  ['INSERT', 'NEW TABLE AS new_vacancies'],
  ['UPDATE', 'OLD TABLE AS old_vacancies NEW TABLE AS new_vacancies'],
  ['DELETE', 'OLD TABLE AS old_vacancies'],
] as const;

/** The previous rebuild (kpi_rebuild_v2), then the vacancy months of the same towns from scratch. */
const REBUILD = `
  CREATE FUNCTION kpi_rebuild(towns uuid[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM set_config('schaufenster.kpi_rebuilding', 'on', true);
    PERFORM kpi_rebuild_v2(towns);
    PERFORM set_config('schaufenster.kpi_rebuilding', 'off', true);
    DELETE FROM kpi_vacancy_months WHERE towns IS NULL OR city_id = ANY(towns);
    PERFORM kpi_refresh_vacancy_months(array_agg(c.id), array_agg('-infinity'::date))
    FROM cities c
    WHERE (towns IS NULL OR c.id = ANY(towns)) AND EXISTS (SELECT 1 FROM kpi_vacancies v WHERE v.city_id = c.id);
  END $$`;

export class KpiSeriesAggregates1764700000000 implements MigrationInterface {
  name = 'KpiSeriesAggregates1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_vacancy_months (
        city_id             uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        month               date NOT NULL CHECK (extract(day FROM month) = 1),
        median_vacancy_days float8,
        PRIMARY KEY (city_id, month)
      )`);
    await q.query(REFRESH);
    await q.query(ON_VACANCIES);
    for (const [op, ref] of TRIGGERS) {
      await q.query(`
        CREATE TRIGGER kpi_vacancies_months_${op.toLowerCase()} AFTER ${op} ON kpi_vacancies
          REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION kpi_on_vacancies()`);
    }
    await q.query(`ALTER FUNCTION kpi_rebuild(uuid[]) RENAME TO kpi_rebuild_v2`);
    await q.query(REBUILD);
    // backfill: every town with vacancies, from its first month
    await q.query(`
      SELECT kpi_refresh_vacancy_months(array_agg(city_id), array_agg('-infinity'::date))
      FROM (SELECT DISTINCT city_id FROM kpi_vacancies) t`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kpi_rebuild(uuid[])`);
    await q.query(`ALTER FUNCTION kpi_rebuild_v2(uuid[]) RENAME TO kpi_rebuild`);
    for (const [op] of TRIGGERS) {
      await q.query(`DROP TRIGGER kpi_vacancies_months_${op.toLowerCase()} ON kpi_vacancies`);
    }
    await q.query(`DROP FUNCTION kpi_on_vacancies()`);
    await q.query(`DROP FUNCTION kpi_refresh_vacancy_months(uuid[], date[])`);
    await q.query(`DROP TABLE kpi_vacancy_months`);
  }
}
