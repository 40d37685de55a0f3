import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../../lib/api-client';
import { sortByName } from '../../../lib/collate';
import type { City, CityDetail } from '../../../lib/domain';
import { cityKeys } from '../api/city-keys';

/**
 * The towns (of a network), sorted by name for the UI language: every list to choose or browse a town
 * from is in the order a reader expects („Sömmerda“ before „Straußfurt“), whatever order the API sends.
 */
export function useCities(network?: string, { enabled = true }: { enabled?: boolean } = {}) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const byName = useCallback((cities: City[]) => sortByName(cities, language), [language]);
  return useQuery({
    queryKey: cityKeys.list(network),
    queryFn: () => api.get<City[]>(`/api/cities${queryString({ network })}`),
    select: byName,
    enabled,
  });
}

export function useCity(idOrSlug: string) {
  return useQuery({
    queryKey: cityKeys.detail(idOrSlug),
    queryFn: () => api.get<CityDetail>(`/api/cities/${encodeURIComponent(idOrSlug)}`),
    staleTime: 60_000,
  });
}
