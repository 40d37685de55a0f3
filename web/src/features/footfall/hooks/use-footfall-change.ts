import { useMutation, useQueryClient } from '@tanstack/react-query';
import { footfallKeys } from '../api/footfall-keys';

/** A write to a town's counts or counting locations: the town's list and trend are stale afterwards. */
export function useFootfallChange<V, R>(cityId: string, write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: footfallKeys.town(cityId) }),
  });
}
