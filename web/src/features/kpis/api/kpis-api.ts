import { api, queryString } from '../../../lib/api-client';

/** Shapes of api/src/kpis/kpi.types.ts (definitions in docs/kpis.md, version in every answer). */
export interface FlowKpis {
  from: string;
  to: string;
  openings: number;
  closures: number;
  netChange: number;
  reLettings: number;
  medianReLettingDays: number | null;
}

export interface StockKpis {
  units: number;
  vacantUnits: number;
  unitsInUse: number;
  longTermVacantUnits: number;
  vacancyRate: number | null;
  notInUseRate: number | null;
  vacancyRateByArea: number | null;
  areaCoverage: number | null;
  longTermVacancyShare: number | null;
  medianVacancyDays: number | null;
  temporaryUseShare: number | null;
  useMix: Record<string, number | null>;
  vacantPer1000Inhabitants: number | null;
  dataFreshness: number | null;
  interventionConversionRate: number | null;
  interventionsEvaluated: number;
  interventionsConverted: number;
}

export interface TownKpis extends StockKpis {
  cityId: string;
  asOf: string;
  definitionsVersion: string;
  population: number | null;
  perimeterIsPlaceholder: boolean;
  hasPerimeter: boolean;
  flows: FlowKpis;
}

export interface SeriesBucket extends StockKpis {
  start: string;
  end: string;
  flows: FlowKpis;
}

export interface KpiSeries {
  definitionsVersion: string;
  interval: 'month' | 'quarter' | 'year';
  from: string;
  to: string;
  towns: { cityId: string; buckets: SeriesBucket[] }[];
}

export interface Distribution {
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  n: number;
}

export interface NetworkSummary {
  network: { id: string; slug: string; name: string };
  asOf: string;
  definitionsVersion: string;
  towns: number;
  kpis: Record<string, Distribution>;
}

export const kpisApi = {
  snapshot: (cityIds: string[], asOf: string) =>
    api.get<TownKpis[]>(`/api/kpis${queryString({ cityId: cityIds.join(','), asOf })}`),
  series: (cityIds: string[], from: string, to: string, interval: KpiSeries['interval']) =>
    api.get<KpiSeries>(`/api/kpis/series${queryString({ cityId: cityIds.join(','), from, to, interval })}`),
  networkSummary: (network: string, asOf: string) =>
    api.get<NetworkSummary>(`/api/kpis/network-summary${queryString({ network, asOf })}`),
};
