import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { City } from '../../../lib/domain';
import { bumpTileRevision } from '../../map/tile-revision';
import { cityKeys } from '../api/city-keys';

/** PUT /api/cities/:id/open-data (editors of the town). What anonymous visitors see changes with it. */
export function useSetOpenData(cityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ openData, version }: { openData: boolean; version: number }) =>
      api.put<City>(`/api/cities/${cityId}/open-data`, { openData, version }),
    onSuccess: async () => {
      bumpTileRevision();
      await client.invalidateQueries({ queryKey: cityKeys.all });
    },
  });
}
