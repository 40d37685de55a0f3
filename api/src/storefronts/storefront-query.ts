import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { interventionFilterScope } from './storefront-redaction.js';
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

/**
 * The filter of a storefront list, summary or export for this viewer: the towns asked for or visible
 * to them (open-data towns included), narrowed or refused for the filter by intervention.
 */
export function storefrontFilterFor(viewer: Viewer, q: StorefrontFilterQuery): StorefrontFilter {
  const filter = toStorefrontFilter(q);
  filter.cityIds = interventionFilterScope(
    viewer,
    filter.hasIntervention,
    q.cityId,
    visibleCityIds(viewer, q.cityId, true),
  );
  return filter;
}
