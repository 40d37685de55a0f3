import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { walkApi, walkKeys } from '../api/walk-api';

/** The town's streets with the units due for an on-site check. */
export function useWalkOverview(cityId: string) {
  return useQuery({ queryKey: walkKeys.town(cityId), queryFn: () => walkApi.overview(cityId) });
}

/**
 * One street's units in walking order. A unit checked during the walk stays listed (with its new
 * check date) until the street or the filter changes, so the list does not jump under the finger.
 */
export function useWalkUnits(cityId: string, street: string, dueOnly: boolean) {
  return useQuery({
    queryKey: walkKeys.units(cityId, street, dueOnly),
    queryFn: () => walkApi.units(cityId, street, dueOnly),
    enabled: street !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
