import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  INTERVENTION_OBSTACLES,
  INTERVENTION_TYPES,
  type InterventionType,
} from '../interventions/intervention.types.js';
import type { OccupancyStatus, UseCategory } from '../storefronts/storefront.types.js';
import type { InterventionTownCell, ObstacleCount } from './kpi.types.js';
import { OUTCOME_FACTS, OUTCOME_RESULT_ON } from './outcome-sql.js';

export interface TypeCounts {
  type: InterventionType;
  tried: number;
  ended: number;
  evaluated: number;
  converted: number;
  overdue: number;
  medianCostPerUnit: number | null;
  withObstacles: number;
  /** Most often first, ties in `INTERVENTION_OBSTACLES` order. */
  obstacles: ObstacleCount[];
}

/** One town's cell of one type, as the SQL answers it. */
export interface TypeTownCounts extends InterventionTownCell {
  type: InterventionType;
  /** Some of them are synthetic demo data. */
  synthetic: boolean;
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

/**
 * Each intervention of the towns `$1::uuid[]` (null: all) and types `$2::text[]` as on `$3::date`:
 * `tried` (state running or ended and started on or before it) and its outcome `result` known on it
 * (outcome-sql.ts). What the knowledge base's summaries count, per type or per type and town.
 */
const ON_DATE = `
  SELECT i.id, i.city_id, i.type, i.state, i.end_date, i.budget_eur, i.is_synthetic, i.obstacles,
         i.state IN ('running', 'ended') AND i.start_date <= $3::date AS tried,
         ${OUTCOME_RESULT_ON('i', 'io', '$3::date')} AS result
  FROM interventions i
  CROSS JOIN LATERAL ${OUTCOME_FACTS('i')} io
  WHERE ($1::uuid[] IS NULL OR i.city_id = ANY($1::uuid[])) AND i.type = ANY($2::text[])`;

/** The knowledge base's aggregates over interventions (docs/kpis.md, "Interventions knowledge base"). */
@Injectable()
export class InterventionsInsightsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Per type; `cityIds` null = every town. Everything as on `asOf` (docs/kpis.md): tried = started on
   * or before it (state running or ended, `start_date` <= asOf), ended = `end_date` <= asOf (state
   * ended), outcomes as known on it. Today's state alone would count, in a report dated in the past,
   * interventions that had not begun yet. Obstacles are counted among the tried ones.
   */
  byType(cityIds: string[] | null, asOf: string): Promise<TypeCounts[]> {
    return this.db.query(
      `WITH dated AS (${ON_DATE}),
       cost AS (
         SELECT x.intervention_id AS id, count(*) AS linked_units
         FROM intervention_storefronts x
         WHERE $1::uuid[] IS NULL OR x.city_id = ANY($1::uuid[])
         GROUP BY x.intervention_id
       ),
       named AS (
         SELECT i.type, o.obstacle, count(*)::int AS n
         FROM dated i CROSS JOIN unnest(i.obstacles) AS o(obstacle)
         WHERE i.tried
         GROUP BY i.type, o.obstacle
       )
       SELECT i.type,
              count(*) FILTER (WHERE i.tried)::int AS tried,
              count(*) FILTER (WHERE i.tried AND i.state = 'ended' AND i.end_date <= $3::date)::int AS ended,
              count(*) FILTER (WHERE i.result IN ('success', 'failure', 'otherTenant'))::int AS evaluated,
              count(*) FILTER (WHERE i.result = 'success')::int AS converted,
              count(*) FILTER (WHERE i.result = 'overdue')::int AS overdue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY i.budget_eur::float8 / c.linked_units)
                FILTER (WHERE i.tried AND i.budget_eur IS NOT NULL AND c.linked_units > 0)
                AS "medianCostPerUnit",
              count(*) FILTER (WHERE i.tried AND cardinality(i.obstacles) > 0)::int AS "withObstacles",
              COALESCE((SELECT json_agg(json_build_object('obstacle', n.obstacle, 'count', n.n)
                                        ORDER BY n.n DESC, array_position($4::text[], n.obstacle))
                        FROM named n WHERE n.type = i.type), '[]') AS obstacles
       FROM dated i
       LEFT JOIN cost c ON c.id = i.id
       GROUP BY i.type`,
      [cityIds, INTERVENTION_TYPES, asOf, INTERVENTION_OBSTACLES],
    );
  }

  /**
   * Per type and town (only pairs with an intervention tried on `asOf`), the tried ones by their
   * result on `asOf` — the same dates and outcome rule as `byType`. Every result other than
   * `pending` and `notMeasured` implies an intervention ended 12 months before `asOf`, hence tried.
   */
  byTypeAndTown(cityIds: string[] | null, asOf: string): Promise<TypeTownCounts[]> {
    return this.db.query(
      `WITH dated AS (${ON_DATE})
       SELECT i.type, i.city_id AS "cityId",
              count(*)::int AS tried,
              count(*) FILTER (WHERE i.result = 'success')::int AS success,
              count(*) FILTER (WHERE i.result = 'failure')::int AS failure,
              count(*) FILTER (WHERE i.result = 'otherTenant')::int AS "otherTenant",
              count(*) FILTER (WHERE i.result = 'overdue')::int AS overdue,
              count(*) FILTER (WHERE i.result = 'pending')::int AS pending,
              bool_or(i.is_synthetic) AS synthetic
       FROM dated i
       WHERE i.tried
       GROUP BY i.type, i.city_id`,
      [cityIds, INTERVENTION_TYPES, asOf],
    );
  }

  /** The towns `cityIds` (null: every town) with their names, in German alphabetical order. */
  towns(cityIds: string[] | null): Promise<{ id: string; name: string }[]> {
    return this.db.query(
      `SELECT id, name FROM cities WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[])
       ORDER BY name COLLATE "de-x-icu", id`,
      [cityIds],
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
