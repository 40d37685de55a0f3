import { useMutation, useQueryClient } from '@tanstack/react-query';
import { footfallApi } from '../api/footfall-api';
import { footfallKeys } from '../api/footfall-keys';

/** Sends a counter export for a counting location; the trend is stale afterwards. */
export function useUploadCounts(cityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ location, file }: { location: string; file: File }) =>
      footfallApi.upload(cityId, location, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: footfallKeys.trend(cityId) }),
  });
}
