import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';
import type { City, CityDetail } from '../../../lib/domain';
import { cityKeys } from '../api/city-keys';

export function useCities(network?: string) {
  return useQuery({
    queryKey: cityKeys.list(network),
    queryFn: () => api.get<City[]>(`/api/cities${queryString({ network })}`),
  });
}

export function useCity(idOrSlug: string) {
  return useQuery({
    queryKey: cityKeys.detail(idOrSlug),
    queryFn: () => api.get<CityDetail>(`/api/cities/${encodeURIComponent(idOrSlug)}`),
    staleTime: 60_000,
  });
}
