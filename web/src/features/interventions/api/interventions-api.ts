import { api, queryString } from '../../../lib/api-client';
import type { Intervention, InterventionState, InterventionType } from '../../../lib/domain';

export interface NewIntervention {
  cityId: string;
  type: InterventionType;
  title: string;
  description?: string;
  startDate?: string;
  endDate?: string;
  budgetEur?: number;
  state: InterventionState;
  storefrontIds: string[];
}

export const interventionsApi = {
  list: (params: { cityId?: string; storefrontId?: string }) =>
    api.get<{ items: Intervention[]; total: number }>(`/api/interventions${queryString(params)}`),
  create: (body: NewIntervention) => api.post<Intervention>('/api/interventions', body),
};
