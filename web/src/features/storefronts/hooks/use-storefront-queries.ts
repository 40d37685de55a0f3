import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiFilterParams } from '../../filters/filter-state';
import { storefrontKeys } from '../api/storefront-keys';
import { storefrontsApi } from '../api/storefronts-api';

export function useStorefrontSummary(params: ApiFilterParams, enabled = true) {
  return useQuery({
    queryKey: storefrontKeys.summary(params),
    queryFn: () => storefrontsApi.summary(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStorefrontList(
  params: ApiFilterParams & { sort?: string; page?: number; pageSize?: number },
) {
  return useQuery({
    queryKey: storefrontKeys.list(params),
    queryFn: () => storefrontsApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useStorefront(id: string | undefined, asOf: string) {
  return useQuery({
    queryKey: storefrontKeys.detail(id ?? '', asOf),
    queryFn: () => storefrontsApi.get(id!, asOf),
    // Another date shows the unit's last data until the new arrives, so the panel's open forms stay.
    placeholderData: keepPreviousData,
    enabled: id !== undefined,
  });
}

export function useOccupancyHistory(id: string | undefined) {
  return useQuery({
    queryKey: storefrontKeys.occupancy(id ?? ''),
    queryFn: () => storefrontsApi.occupancy(id!),
    enabled: id !== undefined,
  });
}

/** Every on-site visit of the unit, newest first (ISO timestamps). */
export function useStorefrontVisits(id: string | undefined) {
  return useQuery({
    queryKey: storefrontKeys.visits(id ?? ''),
    queryFn: async () => (await storefrontsApi.visits(id!)).visits,
    enabled: id !== undefined,
  });
}
