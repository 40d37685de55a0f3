import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IN_USE } from './kpi-sql.js';
import type { TownTransitions, Transition } from './kpi.types.js';

/** At most this many transitions are listed (the counts cover them all). */
export const MAX_LISTED_TRANSITIONS = 2_000;

const side = (status: string, category: string, business: string): string =>
  `CASE WHEN ${status} IS NOT NULL THEN json_build_object('status', ${status}, 'useCategory', ${category}, 'businessName', ${business}) END`;

/**
 * The openings and closures of a town's units in scope (docs/kpis.md, "Flow KPIs"): a transition on
 * day t when the unit's in-use class differs between t − 1 and t — at the start of each period
 * (compared with the one before; the first with "no record") and at the end of a closed last period.
 * The same definition as the flow counts (kpi_town_days), so the list adds up to them.
 */
@Injectable()
export class TransitionsRepository {
  constructor(private readonly db: DataSource) {}

  async list(
    cityId: string,
    from: string,
    to: string,
  ): Promise<Omit<TownTransitions, 'cityId' | 'from' | 'to'>> {
    const rows = await this.db.query<(Transition & { openings: number; closures: number })[]>(
      `WITH periods AS (
         SELECT o.storefront_id, o.status, o.use_category, o.business_name, o.valid_from, o.valid_to,
                lag(o.status) OVER w AS prev_status, lag(o.use_category) OVER w AS prev_category,
                lag(o.business_name) OVER w AS prev_business, lead(o.valid_from) OVER w AS next_from
         FROM occupancy_periods o JOIN storefronts s ON s.id = o.storefront_id
         WHERE o.city_id = $1 AND s.city_id = $1 AND s.inside_perimeter
         WINDOW w AS (PARTITION BY o.storefront_id ORDER BY o.valid_from)),
       changes AS (
         SELECT storefront_id, valid_from AS day, prev_status AS before_status, prev_category AS before_category,
                prev_business AS before_business, status AS after_status, use_category AS after_category,
                business_name AS after_business
         FROM periods WHERE valid_from BETWEEN $2 AND $3
         UNION ALL
         SELECT storefront_id, valid_to, status, use_category, business_name, NULL, NULL, NULL
         FROM periods WHERE next_from IS NULL AND valid_to BETWEEN $2 AND $3),
       kinds AS (
         SELECT c.*, CASE WHEN COALESCE(after_status IN ${IN_USE}, false) AND NOT COALESCE(before_status IN ${IN_USE}, false)
                          THEN 'opening'
                          WHEN COALESCE(before_status IN ${IN_USE}, false) AND NOT COALESCE(after_status IN ${IN_USE}, false)
                          THEN 'closure' END AS kind
         FROM changes c)
       SELECT k.storefront_id AS "storefrontId", concat_ws(' ', s.street, NULLIF(s.house_number, '')) AS address,
              to_char(k.day, 'YYYY-MM-DD') AS day, k.kind,
              ${side('k.before_status', 'k.before_category', 'k.before_business')} AS before,
              ${side('k.after_status', 'k.after_category', 'k.after_business')} AS after,
              count(*) FILTER (WHERE k.kind = 'opening') OVER ()::int AS openings,
              count(*) FILTER (WHERE k.kind = 'closure') OVER ()::int AS closures
       FROM kinds k JOIN storefronts s ON s.id = k.storefront_id
       WHERE k.kind IS NOT NULL
       ORDER BY k.day, address, k.storefront_id
       LIMIT ${MAX_LISTED_TRANSITIONS + 1}`,
      [cityId, from, to],
    );
    const listed = rows.slice(0, MAX_LISTED_TRANSITIONS);
    return {
      openings: rows[0]?.openings ?? 0,
      closures: rows[0]?.closures ?? 0,
      transitions: listed.map(({ openings: _o, closures: _c, ...t }) => t),
      truncated: rows.length > MAX_LISTED_TRANSITIONS,
    };
  }
}
