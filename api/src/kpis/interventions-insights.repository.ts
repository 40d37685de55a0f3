import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INTERVENTION_TYPES, type InterventionType } from '../interventions/intervention.types.js';
import type { OccupancyStatus, UseCategory } from '../storefronts/storefront.types.js';
import { OUTCOME_FACTS, OUTCOME_RESULT_ON } from './outcome-sql.js';

export interface TypeCounts {
  type: InterventionType;
  tried: number;
  ended: number;
  evaluated: number;
  converted: number;
  overdue: number;
  medianCostPerUnit: number | null;
}

export interface InterventionDates {
  id: string;
  cityId: string;
  type: InterventionType;
  startDate: string | null;
  endDate: string | null;
}

export interface UnitStatusAt {
  storefrontId: string;
  address: string;
  moment: 'beforeStart' | 'atEnd' | 'after12Months';
  status: OccupancyStatus | null;
  useCategory: UseCategory | null;
}

/** The knowledge base's aggregates over interventions (docs/kpis.md, "Interventions knowledge base"). */
@Injectable()
export class InterventionsInsightsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Per type; `cityIds` null = every town. Everything as on `asOf` (docs/kpis.md): tried = started on
   * or before it (state running or ended, `start_date` <= asOf), ended = `end_date` <= asOf (state
   * ended), outcomes as known on it. Today's state alone would count, in a report dated in the past,
   * interventions that had not begun yet.
   */
  byType(cityIds: string[] | null, asOf: string): Promise<TypeCounts[]> {
    return this.db.query(
      `WITH outcome AS (
         SELECT i.id, ${OUTCOME_RESULT_ON('i', 'io', '$3::date')} AS result
         FROM interventions i
         CROSS JOIN LATERAL ${OUTCOME_FACTS('i')} io
         WHERE ($1::uuid[] IS NULL OR i.city_id = ANY($1::uuid[])) AND i.type = ANY($2::text[])
       ),
       cost AS (
         SELECT x.intervention_id AS id, count(*) AS linked_units
         FROM intervention_storefronts x
         WHERE $1::uuid[] IS NULL OR x.city_id = ANY($1::uuid[])
         GROUP BY x.intervention_id
       )
       SELECT i.type,
              count(*) FILTER (WHERE t.tried)::int AS tried,
              count(*) FILTER (WHERE t.tried AND i.state = 'ended' AND i.end_date <= $3::date)::int AS ended,
              count(*) FILTER (WHERE o.result IN ('success', 'failure', 'otherTenant'))::int AS evaluated,
              count(*) FILTER (WHERE o.result = 'success')::int AS converted,
              count(*) FILTER (WHERE o.result = 'overdue')::int AS overdue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY i.budget_eur::float8 / c.linked_units)
                FILTER (WHERE t.tried AND i.budget_eur IS NOT NULL AND c.linked_units > 0)
                AS "medianCostPerUnit"
       FROM interventions i
       CROSS JOIN LATERAL (SELECT i.state IN ('running', 'ended') AND i.start_date <= $3::date AS tried) t
       LEFT JOIN outcome o ON o.id = i.id
       LEFT JOIN cost c ON c.id = i.id
       WHERE $1::uuid[] IS NULL OR i.city_id = ANY($1::uuid[])
       GROUP BY i.type`,
      [cityIds, INTERVENTION_TYPES, asOf],
    );
  }

  async intervention(id: string): Promise<InterventionDates | null> {
    const rows: InterventionDates[] = await this.db.query(
      `SELECT id, city_id AS "cityId", type,
              to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate"
       FROM interventions WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Each linked unit's status the day before the start, on the end date and 12 months after it. */
  statusAround(id: string): Promise<UnitStatusAt[]> {
    return this.db.query(
      `SELECT x.storefront_id AS "storefrontId", trim(s.street || ' ' || COALESCE(s.house_number, '')) AS address,
              m.moment, o.status, o.use_category AS "useCategory"
       FROM interventions i
       JOIN intervention_storefronts x ON x.intervention_id = i.id
       JOIN storefronts s ON s.id = x.storefront_id
       CROSS JOIN LATERAL (VALUES
         ('beforeStart', i.start_date - 1),
         ('atEnd', i.end_date),
         ('after12Months', (i.end_date + interval '12 months')::date)) AS m(moment, day)
       LEFT JOIN occupancy_periods o ON o.storefront_id = x.storefront_id
        AND daterange(o.valid_from, o.valid_to, '[)') @> m.day
       WHERE i.id = $1
       ORDER BY s.street, s.house_number, x.storefront_id`,
      [id],
    );
  }

  async knownCityIds(cityIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM cities WHERE id = ANY($1::uuid[])`, [
      cityIds,
    ]);
    return rows.map((r) => r.id);
  }
}
