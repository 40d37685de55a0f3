import { api, queryString } from '../../../lib/api-client';
import type { WalkOverview, WalkUnits } from '../../../../../api/src/walk/walk.types';

export type { WalkOverview, WalkStreet, WalkUnits } from '../../../../../api/src/walk/walk.types';

const base = (cityId: string) => `/api/cities/${encodeURIComponent(cityId)}/walk`;

export const walkKeys = {
  all: ['walk'] as const,
  town: (cityId: string) => [...walkKeys.all, cityId] as const,
  units: (cityId: string, street: string, dueOnly: boolean) =>
    [...walkKeys.town(cityId), 'units', street, dueOnly] as const,
};

export const walkApi = {
  overview: (cityId: string) => api.get<WalkOverview>(base(cityId)),
  units: (cityId: string, street: string, dueOnly: boolean) =>
    api.get<WalkUnits>(`${base(cityId)}/units${queryString({ street, due: dueOnly || undefined })}`),
};
