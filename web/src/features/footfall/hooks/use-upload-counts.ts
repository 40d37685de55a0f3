import { footfallApi } from '../api/footfall-api';
import { useFootfallChange } from './use-footfall-change';

/** Sends a counter export for a counting location (`lonLat`: the position of a new one). */
export const useUploadCounts = (cityId: string) =>
  useFootfallChange(
    cityId,
    ({ location, file, lonLat }: { location: string; file: File; lonLat?: [number, number] }) =>
      footfallApi.upload(cityId, location, file, lonLat),
  );
