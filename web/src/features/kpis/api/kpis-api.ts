import type {
  KpiSeries,
  NetworkSummary,
  TownKpis,
  TownTransitions,
} from '../../../../../api/src/kpis/kpi.types';
import { api, queryString } from '../../../lib/api-client';

/** The KPI answers' shapes are defined once, in the API (definitions in docs/kpis.md, version in every answer). */

export type {
  Distribution,
  FlowKpis,
  KpiSeries,
  NetworkSummary,
  SeriesBucket,
  StockKpis,
  TownKpis,
  TownTransitions,
  Transition,
  TransitionSide,
} from '../../../../../api/src/kpis/kpi.types';

export const kpisApi = {
  snapshot: (cityIds: string[], asOf: string) =>
    api.get<TownKpis[]>(`/api/kpis${queryString({ cityId: cityIds.join(','), asOf })}`),
  series: (cityIds: string[], from: string, to: string, interval: KpiSeries['interval']) =>
    api.get<KpiSeries>(`/api/kpis/series${queryString({ cityId: cityIds.join(','), from, to, interval })}`),
  /** Openings and closures unit by unit in the 12 months up to `to`. */
  transitions: (cityId: string, to: string) =>
    api.get<TownTransitions>(`/api/kpis/transitions${queryString({ cityId, to })}`),
  networkSummary: (network: string, asOf: string) =>
    api.get<NetworkSummary>(`/api/kpis/network-summary${queryString({ network, asOf })}`),
};
