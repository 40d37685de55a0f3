import { USE_CATEGORIES } from '../storefronts/storefront.types.js';

/**
 * SQL fragments of the KPI engine (docs/kpis.md). Every statement takes the towns as `$1::uuid[]`.
 * Constants only are interpolated here, never request values.
 */

export const IN_USE = `('occupied', 'temporary_use')`;

/**
 * `scope`: the towns' units inside their perimeter. `period`: every period of those units with
 * - `vacancy_start`: the start of the unbroken vacant run that ends with this period — the end of the
 *   latest earlier non-vacant period, else the unit's first day (histories are gap-free);
 * - `previous_status` and `is_last` for transitions.
 */
export const UNIT_PERIODS = `
  scope AS (
    SELECT s.id, s.floor_area_m2::float8 AS area,
           (s.verified_at AT TIME ZONE 'Europe/Berlin')::date AS verified_on
    FROM storefronts s
    JOIN cities c ON c.id = s.city_id
    WHERE s.city_id = ANY($1::uuid[]) AND ST_Intersects(c.perimeter, s.location)
  ),
  period AS (
    SELECT o.city_id, o.storefront_id, o.status, o.use_category, o.valid_from, o.valid_to,
           u.area, u.verified_on,
           COALESCE(max(o.valid_to) FILTER (WHERE o.status <> 'vacant') OVER w, min(o.valid_from) OVER w)
             AS vacancy_start,
           lag(o.status) OVER w AS previous_status,
           lead(o.valid_from) OVER w IS NULL AS is_last
    FROM occupancy_periods o
    JOIN scope u ON u.id = o.storefront_id
    WHERE o.city_id = ANY($1::uuid[])
    WINDOW w AS (PARTITION BY o.storefront_id ORDER BY o.valid_from ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  )`;

const useMixColumns = [
  ...USE_CATEGORIES.map(
    (k) => `count(*) FILTER (WHERE status IN ${IN_USE} AND use_category = '${k}')::int AS "${k}"`,
  ),
  `count(*) FILTER (WHERE status IN ${IN_USE} AND use_category IS NULL)::int AS "unspecified"`,
].join(',\n           ');

/**
 * Stock counts per town and date; `$2::date[]` = the dates, sorted ascending without duplicates.
 * Each period is joined only to the dates it covers: indexes `width_bucket(valid_from − 1) + 1` to
 * `width_bucket(valid_to − 1)` (number of dates before valid_from, resp. valid_to), found by binary search.
 */
export const STOCK_COUNTS = `
  WITH ${UNIT_PERIODS},
  on_date AS (
    SELECT p.city_id, p.status, p.use_category, p.area, p.verified_on, p.vacancy_start, d.idx, ($2::date[])[d.idx] AS day
    FROM period p
    CROSS JOIN LATERAL generate_series(
      width_bucket(p.valid_from - 1, $2::date[]) + 1,
      CASE WHEN p.valid_to IS NULL THEN cardinality($2::date[]) ELSE width_bucket(p.valid_to - 1, $2::date[]) END
    ) AS d(idx)
    WHERE p.status <> 'demolished'
  )
  SELECT city_id AS "cityId", idx,
         count(*)::int AS units,
         count(*) FILTER (WHERE status = 'vacant')::int AS vacant,
         count(*) FILTER (WHERE status = 'under_renovation')::int AS "underRenovation",
         count(*) FILTER (WHERE status = 'not_lettable')::int AS "notLettable",
         count(*) FILTER (WHERE status = 'temporary_use')::int AS "temporaryUse",
         count(*) FILTER (WHERE status IN ${IN_USE})::int AS "inUse",
         count(*) FILTER (WHERE status = 'vacant' AND (vacancy_start + interval '12 months')::date <= day)::int
           AS "longTermVacant",
         count(area)::int AS "unitsWithArea",
         COALESCE(sum(area), 0)::float8 AS "areaTotal",
         COALESCE(sum(area) FILTER (WHERE status = 'vacant'), 0)::float8 AS "vacantArea",
         count(*) FILTER (WHERE verified_on <= day AND day < (verified_on + interval '12 months')::date)::int AS fresh,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY day - vacancy_start) FILTER (WHERE status = 'vacant')
           AS "medianVacancyDays",
         ${useMixColumns}
  FROM on_date
  GROUP BY city_id, idx`;

/**
 * Openings, closures and re-lettings per town and bucket; `$2::date[]` = the bucket starts followed by
 * the day after the last bucket (sorted). A transition on day t falls in bucket `width_bucket(t, $2)`.
 */
export const FLOW_COUNTS = `
  WITH ${UNIT_PERIODS},
  run AS (
    SELECT p.*, lag(p.vacancy_start) OVER (PARTITION BY p.storefront_id ORDER BY p.valid_from) AS previous_vacancy_start
    FROM period p
  ),
  transition AS (
    SELECT city_id, valid_from AS day, previous_status AS before, status AS after,
           previous_vacancy_start AS vacancy_start
    FROM run
    UNION ALL
    SELECT city_id, valid_to, status, NULL, vacancy_start
    FROM run WHERE is_last AND valid_to IS NOT NULL
  ),
  classified AS (
    SELECT city_id, width_bucket(day, $2::date[]) AS idx, before,
           COALESCE(after IN ${IN_USE}, false) AS into_use,
           COALESCE(before IN ${IN_USE}, false) AS from_use,
           day - vacancy_start AS vacancy_days
    FROM transition
    WHERE day >= ($2::date[])[1] AND day < ($2::date[])[cardinality($2::date[])]
  )
  SELECT city_id AS "cityId", idx,
         count(*) FILTER (WHERE into_use AND NOT from_use)::int AS openings,
         count(*) FILTER (WHERE from_use AND NOT into_use)::int AS closures,
         count(*) FILTER (WHERE before = 'vacant' AND into_use)::int AS "reLettings",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY vacancy_days) FILTER (WHERE before = 'vacant' AND into_use)
           AS "medianReLettingDays"
  FROM classified
  GROUP BY city_id, idx`;

/**
 * Per intervention: its evaluation date (end + 12 months), its 12-month check, and the registry's
 * answer (every linked unit `occupied` on the evaluation date; null without linked units).
 * `$1::uuid[]` towns, or null for all; `$2::text[]` the types.
 */
export const INTERVENTION_OUTCOMES = `
  SELECT i.id, i.city_id, i.type, (i.end_date + interval '12 months')::date AS evaluation_date,
         oc.regular_lease_signed AS check_lease, oc.checked_on AS check_on,
         (SELECT CASE WHEN count(*) = 0 THEN NULL
                      ELSE bool_and(o.status IS NOT DISTINCT FROM 'occupied') END
            FROM intervention_storefronts x
            LEFT JOIN occupancy_periods o ON o.storefront_id = x.storefront_id
             AND daterange(o.valid_from, o.valid_to, '[)') @> (i.end_date + interval '12 months')::date
           WHERE x.intervention_id = i.id) AS registry_outcome
  FROM interventions i
  LEFT JOIN intervention_outcome_checks oc ON oc.intervention_id = i.id AND oc.months_after_end = 12
  WHERE ($1::uuid[] IS NULL OR i.city_id = ANY($1::uuid[]))
    AND i.state = 'ended' AND i.end_date IS NOT NULL AND i.type = ANY($2::text[])`;

/** The outcome known on `day`: a recorded check once known, else the registry. */
export const OUTCOME_ON = (day: string): string => `
  CASE WHEN io.check_lease IS NOT NULL AND (io.check_on IS NULL OR io.check_on <= ${day})
       THEN io.check_lease ELSE io.registry_outcome END`;

/** Conversion counts per town and date; `$3::date[]` = the dates. */
export const CONVERSION_COUNTS = `
  WITH io AS (${INTERVENTION_OUTCOMES}),
  outcome AS (
    SELECT io.city_id, d.idx, ${OUTCOME_ON('d.day')} AS converted
    FROM io
    JOIN unnest($3::date[]) WITH ORDINALITY AS d(day, idx) ON io.evaluation_date <= d.day
  )
  SELECT city_id AS "cityId", idx::int AS idx,
         count(converted)::int AS evaluated,
         count(*) FILTER (WHERE converted)::int AS converted
  FROM outcome
  GROUP BY city_id, idx`;
