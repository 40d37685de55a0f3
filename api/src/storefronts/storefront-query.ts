import { todayIso } from '../common/validators.js';
import type { StorefrontFilterQuery } from './dto/list-storefronts.query.js';
import type { StorefrontFilter } from './storefront-filter.js';

/** Query string (validated DTO) → the filter every storefront query shares. */
export function toStorefrontFilter(q: StorefrontFilterQuery): StorefrontFilter {
  return {
    asOf: q.asOf ?? todayIso(),
    cityIds: q.cityId,
    statuses: q.status,
    useCategories: q.useCategory,
    vacantForMonths: q.vacantForMonths,
    hasIntervention: q.hasIntervention,
    withinPerimeter: q.withinPerimeter,
    bbox: q.bbox,
  };
}
