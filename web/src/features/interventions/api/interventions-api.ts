import { api, queryString } from '../../../lib/api-client';
import type { OccupancyBeforeAfter } from '../../../../../api/src/kpis/kpi.types';
import type {
  Intervention,
  InterventionObstacle,
  InterventionState,
  InterventionType,
  OutcomeCheck,
} from '../../../lib/domain';

export interface NewIntervention {
  cityId: string;
  type: InterventionType;
  title: string;
  description?: string;
  startDate?: string;
  endDate?: string;
  budgetEur?: number;
  state: InterventionState;
  obstacles?: InterventionObstacle[];
  storefrontIds: string[];
}

export interface InterventionChanges {
  state?: InterventionState;
  startDate?: string | null;
  endDate?: string | null;
  budgetEur?: number | null;
  lessonsLearned?: string | null;
  obstacles?: InterventionObstacle[];
}

export type OutcomeCheckInput = OutcomeCheck;

/** Filters of GET /api/interventions (the knowledge base); `q` is German full text over title, description and lessons. */
export interface InterventionSearch {
  network?: string;
  cityId?: string;
  type?: InterventionType;
  state?: InterventionState;
  /** Interventions naming this obstacle. */
  obstacle?: InterventionObstacle;
  q?: string;
}

/** Defined once, with the API's answer (a change of the contract is a compile error here). */
import type {
  InterventionsByTypeAndTown,
  InterventionTypeInsight,
} from '../../../../../api/src/kpis/kpi.types';
export type {
  InterventionsByTypeAndTown,
  InterventionTownCell,
  InterventionTypeInsight,
  OccupancyAt,
  OccupancyBeforeAfter,
} from '../../../../../api/src/kpis/kpi.types';

export const interventionsApi = {
  search: (params: InterventionSearch) =>
    api.get<{ items: Intervention[]; total: number }>(
      `/api/interventions${queryString({ ...params, pageSize: 500 })}`,
    ),
  byType: (params: { network?: string; cityId?: string }) =>
    api.get<{ asOf: string; definitionsVersion: string; types: InterventionTypeInsight[] }>(
      `/api/kpis/interventions-by-type${queryString(params)}`,
    ),
  /** Which town tried which type, and how it turned out (the knowledge base's table „Art × Stadt“). */
  byTypeAndTown: (params: { network?: string; cityId?: string }) =>
    api.get<InterventionsByTypeAndTown>(`/api/kpis/interventions-by-type-and-town${queryString(params)}`),
  occupancyBeforeAfter: (id: string) =>
    api.get<OccupancyBeforeAfter>(`/api/kpis/interventions/${id}/occupancy-before-after`),
  list: (params: { cityId?: string; storefrontId?: string }) =>
    api.get<{ items: Intervention[]; total: number }>(`/api/interventions${queryString(params)}`),
  create: (body: NewIntervention) => api.post<Intervention>('/api/interventions', body),
  /** Changes what is given; `version` is the one the user saw (409 with the current record otherwise). */
  update: (id: string, version: number, changes: InterventionChanges) =>
    api.patch<Intervention>(`/api/interventions/${id}`, { version, ...changes }),
  setOutcomeCheck: (id: string, version: number, check: OutcomeCheckInput) =>
    api.put<Intervention>(`/api/interventions/${id}/outcome-checks/${check.monthsAfterEnd}`, {
      version,
      checkedOn: check.checkedOn,
      regularLeaseSigned: check.regularLeaseSigned,
      businessStillTrading: check.businessStillTrading,
      note: check.note,
    }),
};
