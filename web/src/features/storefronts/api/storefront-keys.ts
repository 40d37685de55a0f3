import type { ApiFilterParams } from '../../filters/filter-state';

/** Query keys for everything storefront-shaped; invalidating `all` refreshes lists, counts and panels. */
export const storefrontKeys = {
  all: ['storefronts'] as const,
  list: (params: ApiFilterParams & { sort?: string; page?: number; pageSize?: number }) =>
    [...storefrontKeys.all, 'list', params] as const,
  summary: (params: ApiFilterParams) => [...storefrontKeys.all, 'summary', params] as const,
  detail: (id: string, asOf: string) => [...storefrontKeys.all, 'detail', id, asOf] as const,
  occupancy: (id: string) => [...storefrontKeys.all, 'occupancy', id] as const,
  visits: (id: string) => [...storefrontKeys.all, 'visits', id] as const,
};
