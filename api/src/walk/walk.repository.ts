import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFreshSql, storefrontFilterSql, type StorefrontFilter } from '../storefronts/storefront-filter.js';
import { HOUSE_NUMBER_ORDER, STOREFRONT_COLUMNS } from '../storefronts/storefronts.repository.js';
import { OCCUPANCY_STATUSES, type Storefront } from '../storefronts/storefront.types.js';
import type { WalkStreet } from './walk.types.js';

/** Every status a walk checks: a demolished unit has nothing left to see. */
const ON_SITE = OCCUPANCY_STATUSES.filter((s) => s !== 'demolished');

/** At most this many units on one street (a walk's page; the longest German shopping streets have fewer). */
export const MAX_STREET_UNITS = 500;

@Injectable()
export class WalkRepository {
  constructor(private readonly db: DataSource) {}

  /** The town's streets with their units on `asOf` and those due for a check (not fresh on `asOf`). */
  streets(cityId: string, asOf: string): Promise<WalkStreet[]> {
    const params: unknown[] = [];
    const from = storefrontFilterSql(this.filter(cityId, asOf), params);
    params.push(asOf);
    return this.db.query(
      `SELECT s.street, count(*)::int AS units,
              count(*) FILTER (WHERE ${notFreshSql(`$${params.length}::date`)})::int AS due
       ${from}
       GROUP BY s.street
       ORDER BY s.street COLLATE "de-x-icu"`,
      params,
    );
  }

  /**
   * The units of one street, by house number (numerically), then ground floor, upper floor, basement: the
   * first MAX_STREET_UNITS, and whether there are more.
   */
  async units(
    cityId: string,
    asOf: string,
    street: string,
    dueOnly: boolean,
  ): Promise<{ items: Storefront[]; more: boolean }> {
    const params: unknown[] = [];
    // due only: the units due as the day began, those checked today included (the walk's list stays put)
    const from = storefrontFilterSql({ ...this.filter(cityId, asOf), street, dueForCheck: dueOnly }, params);
    params.push(MAX_STREET_UNITS + 1);
    const rows: Storefront[] = await this.db.query(
      `SELECT ${STOREFRONT_COLUMNS} ${from}
       ORDER BY ${HOUSE_NUMBER_ORDER},
                array_position(ARRAY['ground', 'upper', 'basement'], s.floor), s.id
       LIMIT $${params.length}`,
      params,
    );
    return { items: rows.slice(0, MAX_STREET_UNITS), more: rows.length > MAX_STREET_UNITS };
  }

  private filter(cityId: string, asOf: string): StorefrontFilter {
    return { asOf, cityIds: [cityId], statuses: [...ON_SITE] };
  }
}
