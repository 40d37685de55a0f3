import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { walkApi, walkKeys } from '../api/walk-api';

/** The town's streets with the units due for an on-site check. */
export function useWalkOverview(cityId: string) {
  return useQuery({ queryKey: walkKeys.town(cityId), queryFn: () => walkApi.overview(cityId) });
}

/**
 * One street's units in walking order, read again whenever the walk comes back to it (a unit changed
 * in its panel or elsewhere shows as it is now). The API keeps the units checked today in the list of
 * units due, so the list does not jump under the finger.
 */
export function useWalkUnits(cityId: string, street: string, dueOnly: boolean) {
  return useQuery({
    queryKey: walkKeys.units(cityId, street, dueOnly),
    queryFn: () => walkApi.units(cityId, street, dueOnly),
    enabled: street !== '',
    placeholderData: keepPreviousData,
  });
}
