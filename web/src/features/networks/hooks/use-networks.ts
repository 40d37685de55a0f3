import { useQueries, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';
import type { City, Network, StorefrontSummary } from '../../../lib/domain';
import { storefrontKeys } from '../../storefronts/api/storefront-keys';

export const networkKeys = {
  all: ['networks'] as const,
  list: () => [...networkKeys.all, 'list'] as const,
  detail: (slug: string) => [...networkKeys.all, 'detail', slug] as const,
};

export function useNetworks() {
  return useQuery({ queryKey: networkKeys.list(), queryFn: () => api.get<Network[]>('/api/networks') });
}

export function useNetwork(slug: string) {
  return useQuery({
    queryKey: networkKeys.detail(slug),
    queryFn: () => api.get<Network>(`/api/networks/${encodeURIComponent(slug)}`),
  });
}

/** One summary per town (units and vacancies on the date), for the network overview map. */
export function useTownSummaries(cities: City[], asOf: string) {
  return useQueries({
    queries: cities.map((city) => {
      const params = { cityId: city.id, asOf };
      return {
        queryKey: storefrontKeys.summary(params),
        queryFn: () => api.get<StorefrontSummary>(`/api/storefronts/summary${queryString(params)}`),
      };
    }),
  });
}
