import { api, queryString } from '../../../lib/api-client';
import type { Intervention, StorefrontPage } from '../../../lib/domain';
import type {
  InterventionsByType,
  KpiSeries,
  NetworkReportMap,
  NetworkSummary,
  ReportMap,
  TownKpis,
  TownTransitions,
} from './report-types';

/** Rows of the long-term vacancy table printed at most (the rest is counted). */
export const LONG_TERM_ROWS = 40;
/** Rows of the openings and closures printed at most (the rest is counted). */
export const TRANSITION_ROWS = 40;

/** Every number in the report comes from these endpoints unchanged; nothing is recomputed here. */
export const reportsApi = {
  map: (cityId: string, asOf: string) =>
    api.get<ReportMap>(`/api/reports/towns/${encodeURIComponent(cityId)}/map${queryString({ asOf })}`),
  /** The member towns the caller may see, classed by vacancy rate on the date. */
  networkMap: (network: string, asOf: string) =>
    api.get<NetworkReportMap>(
      `/api/reports/networks/${encodeURIComponent(network)}/map${queryString({ asOf })}`,
    ),
  kpis: (cityIds: string[], asOf: string) =>
    api.get<TownKpis[]>(`/api/kpis${queryString({ cityId: cityIds.join(','), asOf })}`),
  series: (cityIds: string[], from: string, to: string) =>
    api.get<KpiSeries>(
      `/api/kpis/series${queryString({ cityId: cityIds.join(','), from, to, interval: 'quarter' })}`,
    ),
  /** With `town`: that member's place per KPI among the towns compared. */
  networkSummary: (network: string, asOf: string, town?: string) =>
    api.get<NetworkSummary>(`/api/kpis/network-summary${queryString({ network, asOf, town })}`),
  /** Openings and closures in the 12 months up to the date (the flow KPIs unit by unit). */
  transitions: (cityId: string, asOf: string) =>
    api.get<TownTransitions>(`/api/kpis/transitions${queryString({ cityId, to: asOf })}`),
  /** Vacant for ≥ 12 months on the date, inside the perimeter (the storefront list's filter). */
  longTermVacancies: (cityId: string, asOf: string) =>
    api.get<StorefrontPage>(
      `/api/storefronts${queryString({
        cityId,
        asOf,
        vacantForMonths: 12,
        withinPerimeter: true,
        sort: 'statusSince',
        pageSize: LONG_TERM_ROWS,
      })}`,
    ),
  /** Each `outcome12` as known on the report's date. */
  interventions: (cityId: string, asOf: string) =>
    api.get<{ items: Intervention[]; total: number }>(
      `/api/interventions${queryString({ cityId, asOf, pageSize: 200 })}`,
    ),
  interventionsByType: (network: string, asOf: string) =>
    api.get<InterventionsByType>(`/api/kpis/interventions-by-type${queryString({ network, asOf })}`),
};
