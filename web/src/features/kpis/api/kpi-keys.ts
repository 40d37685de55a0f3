export const kpiKeys = {
  all: ['kpis'] as const,
  snapshot: (cityIds: string[], asOf: string) =>
    [...kpiKeys.all, 'snapshot', [...cityIds].sort(), asOf] as const,
  series: (cityIds: string[], from: string, to: string, interval: string) =>
    [...kpiKeys.all, 'series', [...cityIds].sort(), from, to, interval] as const,
  transitions: (cityId: string, to: string) => [...kpiKeys.all, 'transitions', cityId, to] as const,
  networkSummary: (network: string, asOf: string) =>
    [...kpiKeys.all, 'network-summary', network, asOf] as const,
};
