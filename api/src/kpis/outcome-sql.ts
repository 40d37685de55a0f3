import { OUTCOME_MEASURE_OF } from '../interventions/intervention.types.js';

/**
 * The one rule for an intervention's 12-month outcome (docs/kpis.md, "Intervention outcome"), in SQL.
 * The interventions list (`outcome12`), the knowledge base's summary per type and the conversion KPI
 * all read it from here; `interventionOutcome` in kpi-formulas.ts is the reference it is tested
 * against. Constants only are interpolated, never request values.
 */

const MEASURE = (i: string): string =>
  `CASE ${i}.type ${Object.entries(OUTCOME_MEASURE_OF)
    .map(([type, measure]) => `WHEN '${type}' THEN '${measure}'`)
    .join(' ')} END`;

/** A business name as compared: trimmed, case-insensitive; empty = unknown. */
const NAME = (period: string): string => `lower(NULLIF(btrim(${period}.business_name), ''))`;

/**
 * What the outcome of intervention `i` (an alias of `interventions`) rests on, whatever the date it
 * is read on — a subquery for `CROSS JOIN LATERAL … AS io`:
 * - `measure`, `evaluation_date` (end + 12 months);
 * - `check_success`: the recorded 12-month check's answer to the type's question, null when it
 *   gives none (for a placed business: no when no lease was signed or the business no longer trades,
 *   yes when a lease was signed; for a subsidy: the businesses still trading; for an exchange: a
 *   lease signed), `check_on` its date;
 * - `registry`: the register's answer on the evaluation date — for a placed or subsidised business
 *   every linked unit must be `occupied` by the business that had it on the last day (same recorded
 *   name): a unit not occupied is a failure, occupied by others `otherTenant`, a name missing on
 *   either day no answer; for an exchange, some linked unit `occupied`; null without linked units;
 * - `let_to_others`: every linked unit occupied, not all by their business of the last day (turns a
 *   failed check into `otherTenant`).
 */
export const OUTCOME_FACTS = (i: string): string => `
  (SELECT f.measure, f.evaluation_date, oc.checked_on AS check_on,
          CASE f.measure
            WHEN 'ownBusinessLease' THEN
              CASE WHEN oc.regular_lease_signed = false OR oc.business_still_trading = false THEN false
                   WHEN oc.regular_lease_signed THEN true END
            WHEN 'businessesTrading' THEN oc.business_still_trading
            WHEN 'unitLet' THEN oc.regular_lease_signed
          END AS check_success,
          CASE WHEN u.units = 0 OR f.measure = 'none' THEN NULL
               WHEN f.measure = 'unitLet' THEN CASE WHEN u.let > 0 THEN 'success' ELSE 'failure' END
               WHEN u.let < u.units THEN 'failure'
               WHEN u.own = u.units THEN 'success'
               WHEN u.own + u.other = u.units THEN 'otherTenant'
          END AS registry,
          f.measure IN ('ownBusinessLease', 'businessesTrading') AND u.units > 0
            AND u.let = u.units AND u.own < u.units AS let_to_others
     FROM (SELECT ${MEASURE(i)} AS measure, (${i}.end_date + interval '12 months')::date AS evaluation_date) f
     LEFT JOIN intervention_outcome_checks oc ON oc.intervention_id = ${i}.id AND oc.months_after_end = 12
     CROSS JOIN LATERAL (
       SELECT count(*) AS units,
              count(*) FILTER (WHERE e.status = 'occupied') AS let,
              count(*) FILTER (WHERE e.status = 'occupied' AND ${NAME('e')} = ${NAME('b')}) AS own,
              count(*) FILTER (WHERE e.status = 'occupied' AND ${NAME('e')} <> ${NAME('b')}) AS other
       FROM intervention_storefronts x
       LEFT JOIN occupancy_periods e ON e.storefront_id = x.storefront_id
        AND daterange(e.valid_from, e.valid_to, '[)') @> f.evaluation_date
       LEFT JOIN occupancy_periods b ON b.storefront_id = x.storefront_id
        AND daterange(b.valid_from, b.valid_to, '[)') @> ${i}.end_date
       WHERE x.intervention_id = ${i}.id) u)`;

const CHECK_KNOWN = (io: string, day: string): string =>
  `${io}.check_success IS NOT NULL AND (${io}.check_on IS NULL OR ${io}.check_on <= ${day})`;

/** The result known on `day` (an `OutcomeResult`), from the facts `io` of intervention `i`. */
export const OUTCOME_RESULT_ON = (i: string, io: string, day: string): string => `
  CASE WHEN ${io}.measure = 'none' THEN 'notMeasured'
       WHEN ${i}.state <> 'ended' OR ${io}.evaluation_date IS NULL OR ${io}.evaluation_date > ${day}
         THEN 'pending'
       WHEN ${CHECK_KNOWN(io, day)} THEN
         CASE WHEN ${io}.check_success THEN 'success' WHEN ${io}.let_to_others THEN 'otherTenant' ELSE 'failure' END
       WHEN ${io}.registry IS NOT NULL THEN ${io}.registry
       ELSE 'overdue' END`;

/** What a known result rests on: 'check', 'registry', or null (pending, overdue, not measured). */
export const OUTCOME_BASIS_ON = (i: string, io: string, day: string): string => `
  CASE WHEN ${io}.measure = 'none' OR ${i}.state <> 'ended' OR ${io}.evaluation_date IS NULL
            OR ${io}.evaluation_date > ${day} THEN NULL
       WHEN ${CHECK_KNOWN(io, day)} THEN 'check'
       WHEN ${io}.registry IS NOT NULL THEN 'registry' END`;

/** The `outcome12` of intervention `i` known on `day`, as JSON (`InterventionOutcome`). */
export const OUTCOME_JSON = (i: string, day: string): string => `
  (SELECT json_build_object('measure', io.measure,
                            'evaluationDate', to_char(io.evaluation_date, 'YYYY-MM-DD'),
                            'result', ${OUTCOME_RESULT_ON(i, 'io', day)},
                            'basis', ${OUTCOME_BASIS_ON(i, 'io', day)})
     FROM ${OUTCOME_FACTS(i)} io)`;

/**
 * Per ended intervention of the towns `$1::uuid[]` (null: all) and types `$2::text[]`: its state
 * and outcome facts, for reading on several dates.
 */
export const INTERVENTION_OUTCOMES = `
  SELECT i.id, i.city_id, i.type, i.state, io.*
  FROM interventions i
  CROSS JOIN LATERAL ${OUTCOME_FACTS('i')} io
  WHERE ($1::uuid[] IS NULL OR i.city_id = ANY($1::uuid[]))
    AND i.state = 'ended' AND i.end_date IS NOT NULL AND i.type = ANY($2::text[])`;

/** Conversion counts per town and date: `$3::date[]` = the dates (docs/kpis.md). */
export const CONVERSION_COUNTS = `
  WITH io AS MATERIALIZED (${INTERVENTION_OUTCOMES}),
  outcome AS (
    SELECT io.city_id, d.idx, ${OUTCOME_RESULT_ON('io', 'io', 'd.day')} AS result
    FROM io
    JOIN unnest($3::date[]) WITH ORDINALITY AS d(day, idx) ON io.evaluation_date <= d.day
  )
  SELECT city_id AS "cityId", idx::int AS idx,
         count(*) FILTER (WHERE result IN ('success', 'failure', 'otherTenant'))::int AS evaluated,
         count(*) FILTER (WHERE result = 'success')::int AS converted
  FROM outcome
  GROUP BY city_id, idx`;
