import { api, queryString } from '../../../lib/api-client';

/** One reported line of a counter file (api/src/footfall/footfall-parse.ts `LineReport`). */
export interface LineReport {
  line: number;
  text: string;
  reason: string;
}

/** POST /api/cities/{id}/footfall answers this (api/src/footfall/footfall.service.ts). */
export interface FootfallImportReport {
  locationId: string;
  location: string;
  stored: number;
  outageHours: number;
  firstHour: string;
  lastHour: string;
  gaps: { from: string; to: string; hours: number }[];
  repaired: LineReport[];
  rejected: LineReport[];
  encodings: string[];
}

export interface FootfallWeek {
  locationCount: number;
  isoYear: number;
  isoWeek: number;
  weekStart: string;
  meanDailyCount: number | null;
  completeDays: number;
  comparableDays: number;
  /** Σ this year / Σ last year − 1 over comparable location-weekdays. */
  yearOnYear: number | null;
}

export interface FootfallTrend {
  cityId: string;
  from: string;
  to: string;
  method: string;
  weeks: FootfallWeek[];
  /** Monthly vacancy rate (month = first day), share 0…1. */
  vacancy: { month: string; vacancyRate: number | null }[];
}

const base = (cityId: string) => `/api/cities/${encodeURIComponent(cityId)}/footfall`;

export const footfallApi = {
  upload: (cityId: string, location: string, file: File) =>
    api.upload<FootfallImportReport>(`${base(cityId)}${queryString({ location })}`, file),
  trend: (cityId: string, from?: string, to?: string) =>
    api.get<FootfallTrend>(`${base(cityId)}/trend${queryString({ from, to })}`),
};
