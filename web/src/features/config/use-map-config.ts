import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface MapConfig {
  basemapStyleUrl: string | null;
}

export function useMapConfig() {
  return useQuery({
    queryKey: ['config'] as const,
    queryFn: () => api.get<MapConfig>('/api/config'),
    staleTime: Infinity,
    retry: 0,
  });
}
