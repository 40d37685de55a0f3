import { USE_CATEGORIES, type UseCategory } from '../storefronts/storefront.types.js';

/**
 * SQL fragments of the KPI engine (docs/kpis.md). Every statement takes the towns as `$1::uuid[]`.
 * Constants only are interpolated here, never request values.
 */

export const IN_USE = `('occupied', 'temporary_use')`;

/**
 * The delta columns of `kpi_town_days` / `kpi_town_months` (migration AddKpiPreAggregates): each
 * row holds the change of every additive count on that day (in that month). A count on date D is
 * the sum of the changes up to and including D.
 */
export type DeltaColumn =
  | 'units'
  | 'vacant'
  | 'under_renovation'
  | 'not_lettable'
  | 'temporary_use'
  | 'in_use'
  | 'long_term_vacant'
  | 'units_with_area'
  | 'area_total'
  | 'vacant_area'
  | 'fresh'
  | `mix_${UseCategory | 'unspecified'}`
  | 'openings'
  | 'closures'
  | 're_lettings';
export const DELTA_COLUMNS: readonly DeltaColumn[] = [
  'units',
  'vacant',
  'under_renovation',
  'not_lettable',
  'temporary_use',
  'in_use',
  'long_term_vacant',
  'units_with_area',
  'area_total',
  'vacant_area',
  'fresh',
  ...USE_CATEGORIES.map((k): DeltaColumn => `mix_${k}`),
  'mix_unspecified',
  'openings',
  'closures',
  're_lettings',
];

const sums = (prefix: string): string =>
  DELTA_COLUMNS.map((c) => `sum(${prefix}${c})::float8 AS ${c}`).join(', ');

/**
 * Changes per town summed into the dates they count for: `$1::uuid[]` towns, `$2::date[]` dates
 * (sorted ascending, without duplicates). Row (town, idx, kind 'm') holds the whole months that end
 * on or before date idx but not before date idx − 1 — a month belongs to the first date whose
 * threshold (its own month when the date is the month's last day, else the month before) it does not
 * exceed, found by binary search with `width_bucket`. Row (town, idx, kind 'd') holds the days of date
 * idx's own month up to the date (only for dates that are not a month's last day). A count on date
 * idx is the sum of all 'm' rows up to idx plus the 'd' row of idx (summed up in kpis.repository.ts).
 * So a town costs about one row per month of history plus at most 31 per date.
 */
export const DATE_DELTAS = `
  WITH dates AS (
    SELECT x.idx::int AS idx, x.d, date_trunc('month', x.d)::date AS m,
           x.d = (date_trunc('month', x.d) + interval '1 month - 1 day')::date AS month_end
    FROM unnest($2::date[]) WITH ORDINALITY AS x(d, idx)
  ),
  thresholds AS (
    SELECT array_agg(CASE WHEN month_end THEN m ELSE (m - interval '1 month')::date END ORDER BY idx) AS t
    FROM dates
  )
  SELECT k.city_id AS "cityId", width_bucket(k.month - 1, th.t) + 1 AS idx, 'm' AS kind, ${sums('k.')}
  FROM kpi_town_months k, thresholds th
  WHERE k.city_id = ANY($1::uuid[]) AND k.month <= th.t[cardinality(th.t)]
  GROUP BY 1, 2
  UNION ALL
  SELECT k.city_id, dt.idx, 'd', ${sums('k.')}
  FROM dates dt
  JOIN kpi_town_days k ON k.city_id = ANY($1::uuid[]) AND k.day >= dt.m AND k.day <= dt.d
  WHERE NOT dt.month_end
  GROUP BY 1, 2`;

/**
 * Median age (days) of the vacancies open on each date: `$1::uuid[]` towns, `$2::date[]` dates
 * (sorted). Each vacancy is joined only to the dates it covers (binary search, as above).
 */
export const VACANCY_MEDIANS = `
  SELECT v.city_id AS "cityId", d.idx,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ($2::date[])[d.idx] - v.started_on) AS "medianVacancyDays"
  FROM kpi_vacancies v
  CROSS JOIN LATERAL generate_series(
    width_bucket(v.started_on - 1, $2::date[]) + 1,
    CASE WHEN v.ended_on IS NULL THEN cardinality($2::date[]) ELSE width_bucket(v.ended_on - 1, $2::date[]) END
  ) AS d(idx)
  WHERE v.city_id = ANY($1::uuid[])
    AND COALESCE(v.ended_on, 'infinity'::date) > ($2::date[])[1]
    AND v.started_on <= ($2::date[])[cardinality($2::date[])]
  GROUP BY 1, 2`;

/**
 * Median re-letting time per town and bucket: `$2::date[]` = bucket starts followed by the day
 * after the last bucket (sorted); a re-letting on day t falls in bucket `width_bucket(t, $2)`.
 */
export const RELETTING_MEDIANS = `
  SELECT v.city_id AS "cityId", width_bucket(v.relet_on, $2::date[]) AS idx,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY v.relet_on - v.started_on) AS "medianReLettingDays"
  FROM kpi_vacancies v
  WHERE v.city_id = ANY($1::uuid[]) AND v.relet_on IS NOT NULL
    AND v.relet_on >= ($2::date[])[1] AND v.relet_on < ($2::date[])[cardinality($2::date[])]
  GROUP BY 1, 2`;

/**
 * Median age (days) of the vacancies open on each date, for dates that are a month's last day, from
 * `kpi_vacancy_months` (migration KpiSeriesAggregates): `$1::uuid[]` towns, `$2::date[]` month ends.
 * The row of the date's own month, or — after the town's coverage — its last row shifted by the days
 * since that row's month end (the open vacancies no longer change, each grows older by as many
 * days); before the coverage there is no row. Null medians are left out, like VACANCY_MEDIANS does.
 */
export const MONTH_END_VACANCY_MEDIANS = `
  SELECT t.city_id AS "cityId", d.idx::int AS idx,
         k.median_vacancy_days + (d.day - (k.month + interval '1 month - 1 day')::date) AS "medianVacancyDays"
  FROM unnest($1::uuid[]) AS t(city_id)
  CROSS JOIN unnest($2::date[]) WITH ORDINALITY AS d(day, idx)
  CROSS JOIN LATERAL (
    SELECT m.month, m.median_vacancy_days FROM kpi_vacancy_months m
    WHERE m.city_id = t.city_id AND m.month <= d.day
    ORDER BY m.month DESC LIMIT 1
  ) k
  WHERE k.median_vacancy_days IS NOT NULL`;
