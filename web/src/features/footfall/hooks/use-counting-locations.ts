import { useQuery } from '@tanstack/react-query';
import { footfallApi, type LocationCorrection } from '../api/footfall-api';
import { footfallKeys } from '../api/footfall-keys';
import { useFootfallChange } from './use-footfall-change';

/** The town's counting locations, with position and what is stored of each. */
export function useCountingLocations(cityId: string) {
  return useQuery({ queryKey: footfallKeys.locations(cityId), queryFn: () => footfallApi.locations(cityId) });
}

export const useCorrectLocation = (cityId: string) =>
  useFootfallChange(cityId, ({ id, change }: { id: string; change: LocationCorrection }) =>
    footfallApi.correctLocation(cityId, id, change),
  );

export const useDeleteLocation = (cityId: string) =>
  useFootfallChange(cityId, (id: string) => footfallApi.deleteLocation(cityId, id));

export const useDeleteCounts = (cityId: string) =>
  useFootfallChange(cityId, ({ id, from, to }: { id: string; from: string; to: string }) =>
    footfallApi.deleteCounts(cityId, id, from, to),
  );
