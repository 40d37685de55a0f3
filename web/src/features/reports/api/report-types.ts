import type { OccupancyStatus, UseCategory } from '../../../lib/domain';

/** The answers of /api/kpis* as the report reads them (api/src/kpis/kpi.types.ts). */
export type UseMixKey = UseCategory | 'unspecified';

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
  useMix: Record<UseMixKey, number | null>;
  vacantPer1000Inhabitants: number | null;
  dataFreshness: number | null;
  interventionConversionRate: number | null;
  interventionsEvaluated: number;
  interventionsConverted: number;
}

export interface FlowKpis {
  from: string;
  to: string;
  openings: number;
  closures: number;
  netChange: number;
  reLettings: number;
  medianReLettingDays: number | null;
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
}

export interface KpiSeries {
  definitionsVersion: string;
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

export interface InterventionsByType {
  asOf: string;
  types: {
    type: string;
    tried: number;
    ended: number;
    evaluated: number;
    ledToRegularLease12m: number;
    regularLeaseShare: number | null;
    medianCostPerUnit: number | null;
  }[];
}

/** GET /api/reports/towns/:idOrSlug/map (api/src/reports/report.types.ts). */
export interface ReportMap {
  cityId: string;
  asOf: string;
  crs: string;
  width: number;
  height: number;
  perimeterPath: string | null;
  perimeterIsPlaceholder: boolean;
  units: { x: number; y: number; status: Exclude<OccupancyStatus, 'demolished'>; insidePerimeter: boolean }[];
  isSynthetic: boolean;
  lastVerifiedOn: string | null;
  lastChangedAt: string | null;
  attribution: string;
}
