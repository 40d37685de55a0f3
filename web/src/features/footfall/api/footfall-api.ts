import { api, queryString } from '../../../lib/api-client';
import type {
  CountsRemoved,
  FootfallImportReport,
  FootfallLocation,
  FootfallTrend,
} from '../../../../../api/src/footfall/footfall.types';

export type {
  CountsRemoved,
  FootfallImportReport,
  FootfallLocation,
  FootfallTrend,
  FootfallWeek,
  LineReport,
} from '../../../../../api/src/footfall/footfall.types';

const base = (cityId: string) => `/api/cities/${encodeURIComponent(cityId)}/footfall`;

/** A correction of a counting location: `lon`/`lat` both null remove its position. */
export interface LocationCorrection {
  name?: string;
  lon?: number | null;
  lat?: number | null;
}

const location = (cityId: string, id: string) => `${base(cityId)}/locations/${encodeURIComponent(id)}`;

export const footfallApi = {
  /** `lonLat`: the counter's position, for a new counting location (a stored one keeps its own). */
  upload: (cityId: string, location: string, file: File, lonLat?: [number, number]) =>
    api.upload<FootfallImportReport>(
      `${base(cityId)}${queryString({ location, lon: lonLat?.[0], lat: lonLat?.[1] })}`,
      file,
    ),
  locations: (cityId: string) => api.get<FootfallLocation[]>(`${base(cityId)}/locations`),
  correctLocation: (cityId: string, id: string, change: LocationCorrection) =>
    api.patch<FootfallLocation>(location(cityId, id), change),
  deleteLocation: (cityId: string, id: string) => api.delete<void>(location(cityId, id)),
  deleteCounts: (cityId: string, id: string, from: string, to: string) =>
    api.delete<CountsRemoved>(`${location(cityId, id)}/counts${queryString({ from, to })}`),
  trend: (cityId: string, from?: string, to?: string) =>
    api.get<FootfallTrend>(`${base(cityId)}/trend${queryString({ from, to })}`),
};
