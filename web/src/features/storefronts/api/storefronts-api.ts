import { api, queryString } from '../../../lib/api-client';
import type {
  Floor,
  GeoJsonPoint,
  OccupancyPeriod,
  OccupancyStatus,
  Storefront,
  StorefrontPage,
  StorefrontSummary,
  UseCategory,
} from '../../../lib/domain';
import type { ApiFilterParams } from '../../filters/filter-state';

export interface StorefrontAttributes {
  street: string;
  houseNumber: string;
  postcode: string | null;
  floorAreaM2: number | null;
  frontageM: number | null;
  floor: Floor;
  referenceId: string | null;
  notes: string | null;
}

export interface NewStorefront extends StorefrontAttributes {
  cityId: string;
  location: GeoJsonPoint;
  initialStatus: { status: OccupancyStatus; useCategory?: UseCategory; businessName?: string; date: string };
}

export interface StatusChange {
  date: string;
  status: OccupancyStatus;
  useCategory?: UseCategory;
  businessName?: string;
  note?: string;
}

export interface StatusChangeResult {
  storefront: Storefront;
  periods: OccupancyPeriod[];
}

const base = '/api/storefronts';

/** What a correction of a period may change (only what is given is sent). */
export interface PeriodPatch {
  status?: OccupancyStatus;
  useCategory?: UseCategory | null;
  businessName?: string | null;
  validFrom?: string;
  note?: string | null;
}

export const storefrontsApi = {
  list: (params: ApiFilterParams & { sort?: string; page?: number; pageSize?: number }) =>
    api.get<StorefrontPage>(`${base}${queryString(params)}`),
  summary: (params: ApiFilterParams) => api.get<StorefrontSummary>(`${base}/summary${queryString(params)}`),
  get: (id: string, asOf: string) => api.get<Storefront>(`${base}/${id}${queryString({ asOf })}`),
  occupancy: (id: string) => api.get<OccupancyPeriod[]>(`${base}/${id}/occupancy`),
  visits: (id: string) => api.get<{ storefrontId: string; visits: string[] }>(`${base}/${id}/verifications`),
  create: (body: NewStorefront) => api.post<Storefront>(base, body),
  update: (
    id: string,
    version: number,
    changes: Partial<StorefrontAttributes> & { location?: GeoJsonPoint },
  ) => api.patch<Storefront>(`${base}/${id}`, { ...changes, version }),
  verify: (id: string, version: number) => api.post<Storefront>(`${base}/${id}/verify`, { version }),
  changeStatus: (id: string, version: number, change: StatusChange) =>
    api.post<StatusChangeResult>(`${base}/${id}/status-changes`, { ...change, version }),
  /** Corrects one period (the neighbours' dates move with it: the history stays gap-free). */
  correctPeriod: (id: string, periodId: string, version: number, patch: PeriodPatch) =>
    api.patch<StatusChangeResult>(`${base}/${id}/occupancy/${periodId}`, { ...patch, version }),
  /** Removes a wrongly recorded period; its neighbour covers its time. */
  removePeriod: (id: string, periodId: string, version: number) =>
    api.delete<StatusChangeResult>(`${base}/${id}/occupancy/${periodId}?version=${version}`),
  /** For records made in error: the unit, its history and links go; the audit trail keeps them. */
  remove: (id: string, version: number) => api.delete<void>(`${base}/${id}?version=${version}`),
};
