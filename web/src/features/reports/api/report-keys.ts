/** Query keys of the report's reads (separate from the dashboard's so a report never shares stale filters). */
export const reportKeys = {
  all: ['reports'] as const,
  map: (cityId: string, asOf: string) => [...reportKeys.all, 'map', cityId, asOf] as const,
  networkMap: (network: string, asOf: string) => [...reportKeys.all, 'network-map', network, asOf] as const,
  kpis: (cityIds: string[], asOf: string) => [...reportKeys.all, 'kpis', cityIds.join(','), asOf] as const,
  series: (cityIds: string[], from: string, to: string) =>
    [...reportKeys.all, 'series', cityIds.join(','), from, to] as const,
  networkSummary: (network: string, asOf: string, town?: string) =>
    [...reportKeys.all, 'network-summary', network, asOf, town ?? null] as const,
  longTerm: (cityId: string, asOf: string) => [...reportKeys.all, 'long-term', cityId, asOf] as const,
  transitions: (cityId: string, asOf: string) => [...reportKeys.all, 'transitions', cityId, asOf] as const,
  interventions: (cityId: string, asOf: string) =>
    [...reportKeys.all, 'interventions', cityId, asOf] as const,
  byType: (network: string, asOf: string) => [...reportKeys.all, 'by-type', network, asOf] as const,
};
