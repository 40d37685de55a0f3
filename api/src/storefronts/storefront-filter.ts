import type { OccupancyStatus, UseCategory } from './storefront.types.js';

/**
 * Which storefronts a list, a tile or an export shows. One definition, so the map, the list and
 * the counts always agree. Only units that exist on `asOf` (have a period covering that day) match.
 */
export interface StorefrontFilter {
  asOf: string;
  cityIds?: readonly string[];
  statuses?: OccupancyStatus[];
  useCategories?: UseCategory[];
  /** Vacant without interruption for at least this many months on `asOf`. */
  vacantForMonths?: number;
  /** Linked to at least one intervention. */
  hasIntervention?: boolean;
  /** Inside the town's downtown perimeter. */
  withinPerimeter?: boolean;
  /** [minLon, minLat, maxLon, maxLat] in EPSG:4326. */
  bbox?: [number, number, number, number];
  /** On this street (as recorded): a site walk's street (api/src/walk). */
  street?: string;
  /**
   * Due for an on-site check as the day began: not fresh on `asOf` (no visit in the 12 months before;
   * docs/kpis.md), or checked on `asOf` itself — a walk's list keeps the units checked during the walk.
   */
  dueForCheck?: boolean;
}

const arrayLiterals = new WeakMap<readonly string[], string>();

/**
 * An array parameter as PostgreSQL's array literal, remembered per array: a tile's town list is the
 * same (interned, never changed) array for every tile of a map view, and node-postgres would
 * serialise its hundreds of ids again for every query.
 */
export function pgTextArray(values: readonly string[]): string {
  let literal = arrayLiterals.get(values);
  if (literal === undefined) {
    literal = `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
    arrayLiterals.set(values, literal);
  }
  return literal;
}

/**
 * FROM … WHERE for `storefronts s` joined with its town `c` and its period on the date `cur`
 * (status, use_category, business_name, valid_from, valid_to, status_since).
 * Pushes its parameters onto `params` and refers to them by position.
 */
export function storefrontFilterSql(filter: StorefrontFilter, params: unknown[]): string {
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const asOf = `${p(filter.asOf)}::date`;
  const where: string[] = ['cur.status IS NOT NULL'];
  // An empty list matches nothing (a viewer who may read no town), undefined matches every town.
  if (filter.cityIds !== undefined) where.push(`s.city_id = ANY(${p(pgTextArray(filter.cityIds))}::uuid[])`);
  if (filter.statuses?.length) where.push(`cur.status = ANY(${p(filter.statuses)}::text[])`);
  if (filter.useCategories?.length) where.push(`cur.use_category = ANY(${p(filter.useCategories)}::text[])`);
  if (filter.vacantForMonths !== undefined) {
    where.push(
      // Same rule as the long-term vacancy KPI (docs/kpis.md): start + N months <= date, month ends clamped.
      `cur.status = 'vacant' AND (cur.status_since + make_interval(months => ${p(filter.vacantForMonths)}::int))::date <= ${asOf}`,
    );
  }
  if (filter.hasIntervention !== undefined) {
    where.push(
      `${filter.hasIntervention ? '' : 'NOT '}EXISTS (SELECT 1 FROM intervention_storefronts i WHERE i.storefront_id = s.id)`,
    );
  }
  if (filter.withinPerimeter) where.push(`ST_Intersects(c.perimeter, s.location)`);
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    where.push(`s.location && ST_MakeEnvelope(${p(minLon)}, ${p(minLat)}, ${p(maxLon)}, ${p(maxLat)}, 4326)`);
  }
  if (filter.street !== undefined) where.push(`s.street = ${p(filter.street)}`);
  if (filter.dueForCheck) {
    where.push(`(${notFreshSql(asOf)} OR (s.verified_at AT TIME ZONE 'Europe/Berlin')::date = ${asOf})`);
  }
  return `${storefrontFromSql(asOf)}
    WHERE ${where.join('\n      AND ')}`;
}

/**
 * Unit `s` is due for an on-site check on the date (an SQL expression of type date): no visit in the 12
 * months before (the data freshness KPI's rule, docs/kpis.md).
 */
export const notFreshSql = (day: string): string => `NOT coalesce(s.fresh_during @> ${day}, false)`;

/**
 * `storefronts s`, its town `c` and its period `cur` on the date (`asOf` is an SQL expression of
 * type date). `cur.status_since` is the start of the unbroken run of the current status.
 */
export function storefrontFromSql(asOf: string): string {
  return `
    FROM storefronts s
    JOIN cities c ON c.id = s.city_id
    LEFT JOIN LATERAL (
      SELECT o.status, o.use_category, o.business_name, o.valid_from, o.valid_to,
             COALESCE(
               (SELECT max(o2.valid_to) FROM occupancy_periods o2
                 WHERE o2.storefront_id = o.storefront_id AND o2.valid_to <= o.valid_from AND o2.status <> o.status),
               (SELECT min(o3.valid_from) FROM occupancy_periods o3 WHERE o3.storefront_id = o.storefront_id)
             ) AS status_since
      FROM occupancy_periods o
      WHERE o.storefront_id = s.id AND daterange(o.valid_from, o.valid_to, '[)') @> ${asOf}
    ) cur ON true`;
}
