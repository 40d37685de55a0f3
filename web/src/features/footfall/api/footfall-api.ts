import { api, queryString } from '../../../lib/api-client';
import type { FootfallImportReport, FootfallTrend } from '../../../../../api/src/footfall/footfall.types';

export type {
  FootfallImportReport,
  FootfallLocation,
  FootfallTrend,
  FootfallWeek,
  LineReport,
} from '../../../../../api/src/footfall/footfall.types';

const base = (cityId: string) => `/api/cities/${encodeURIComponent(cityId)}/footfall`;

export const footfallApi = {
  upload: (cityId: string, location: string, file: File) =>
    api.upload<FootfallImportReport>(`${base(cityId)}${queryString({ location })}`, file),
  trend: (cityId: string, from?: string, to?: string) =>
    api.get<FootfallTrend>(`${base(cityId)}/trend${queryString({ from, to })}`),
};
