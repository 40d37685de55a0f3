import type {
  Distribution,
  NetworkSummary as ApiNetworkSummary,
  TownRank,
} from '../../../../../api/src/kpis/kpi.types';

/** The answers of /api/kpis* as the report reads them: defined once, in the API. */
export type {
  Distribution,
  FlowKpis,
  InterventionsByType,
  KpiSeries,
  SeriesBucket,
  StockKpis,
  TownKpis,
  TownRank,
  TownTransitions,
  UseMixKey,
} from '../../../../../api/src/kpis/kpi.types';

/** The network summary, its KPIs (and the town's places) looked up by the report's row keys (plain strings). */
export type NetworkSummary = Omit<ApiNetworkSummary, 'kpis' | 'town'> & {
  kpis: Partial<Record<string, Distribution>>;
  town?: { cityId: string; ranks: Partial<Record<string, TownRank>> };
};

/** GET /api/reports/towns/:idOrSlug/map and GET /api/reports/networks/:idOrSlug/map */
export type {
  NetworkMapTown,
  NetworkReportMap,
  ReportMap,
} from '../../../../../api/src/reports/report.types';
