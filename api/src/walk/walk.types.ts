/**
 * What the site walk's endpoints answer, shared with the dashboard (web/src/features/walk imports these
 * types). Keep this file free of framework imports.
 */
import type { Storefront } from '../storefronts/storefront.types.js';

/** One street of the town with its units and how many of them are due for an on-site check. */
export interface WalkStreet {
  street: string;
  units: number;
  due: number;
}

/** GET /api/cities/{id}/walk */
export interface WalkOverview {
  cityId: string;
  /** Today in Germany: the statuses and the checks are as of this day. */
  asOf: string;
  units: number;
  due: number;
  /** By street name, in German order. */
  streets: WalkStreet[];
}

/** GET /api/cities/{id}/walk/units */
export interface WalkUnits {
  street: string;
  asOf: string;
  /** By house number, then floor; at most MAX_STREET_UNITS (500). */
  items: Storefront[];
  /** More units than `items` on the street (the rest are in the town's list, filtered by street). */
  more: boolean;
}
