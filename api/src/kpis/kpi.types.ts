import type {
  InterventionObstacle,
  InterventionState,
  InterventionType,
  OutcomeMeasure,
} from '../interventions/intervention.types.js';
import { USE_CATEGORIES, type OccupancyStatus, type UseCategory } from '../storefronts/storefront.types.js';

/** Raised whenever a definition in docs/kpis.md changes. */
export const KPI_DEFINITIONS_VERSION = 'kpi-v2';

export const USE_MIX_KEYS = [...USE_CATEGORIES, 'unspecified'] as const;
export type UseMixKey = (typeof USE_MIX_KEYS)[number];

/** Interventions whose success is the business they placed under a regular lease (the conversion KPI). */
export const CONVERTIBLE_INTERVENTION_TYPES: readonly InterventionType[] = [
  'test_shop',
  'pop_up',
  'temporary_use',
];

/** Request limits (answered 400 beyond them). */
export const MAX_TOWNS = 500;
export const MAX_BUCKETS = 400;

export const SERIES_INTERVALS = ['month', 'quarter', 'year'] as const;
export type SeriesInterval = (typeof SERIES_INTERVALS)[number];

// ---- inputs of the reference formulas (plain data, no database) ----

export interface KpiPeriod {
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  validFrom: string;
  /** Exclusive; null = open. */
  validTo: string | null;
  /** The recorded business, only where the intervention outcome needs it (default: none recorded). */
  businessName?: string | null;
}

export interface KpiUnit {
  insidePerimeter: boolean;
  floorAreaM2: number | null;
  /** Dates of every on-site verification (Europe/Berlin), any order; empty if never verified. */
  visits: readonly string[];
  /** Sorted by validFrom, gap-free. */
  periods: KpiPeriod[];
}

export interface KpiIntervention {
  type: InterventionType;
  state: InterventionState;
  endDate: string | null;
  /** The 12-month outcome check, when one was recorded (`businessStillTrading` omitted = not known). */
  check12: {
    regularLeaseSigned: boolean | null;
    businessStillTrading?: boolean | null;
    checkedOn: string | null;
  } | null;
  /** Periods of each linked unit. */
  linkedUnits: KpiPeriod[][];
}

// ---- what is counted (SQL and the reference formulas produce these) ----

export interface StockCounts {
  units: number;
  vacant: number;
  underRenovation: number;
  notLettable: number;
  temporaryUse: number;
  inUse: number;
  longTermVacant: number;
  unitsWithArea: number;
  areaTotal: number;
  vacantArea: number;
  fresh: number;
  medianVacancyDays: number | null;
  useMix: Record<UseMixKey, number>;
}

export interface ConversionCounts {
  evaluated: number;
  converted: number;
}

export interface FlowCounts {
  openings: number;
  closures: number;
  reLettings: number;
  medianReLettingDays: number | null;
}

// ---- answers ----

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
  /** First day (inclusive). */
  from: string;
  /** Last day (inclusive). */
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
  /** The 12 months up to asOf. */
  flows: FlowKpis;
}

export interface SeriesBucket extends StockKpis {
  /** First day of the bucket. */
  start: string;
  /** Last day of the bucket; stock KPIs are taken on this day. */
  end: string;
  flows: FlowKpis;
}

export interface TownSeries {
  cityId: string;
  buckets: SeriesBucket[];
}

export interface KpiSeries {
  definitionsVersion: string;
  interval: SeriesInterval;
  from: string;
  to: string;
  towns: TownSeries[];
}

export interface Distribution {
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  n: number;
}

export const STOCK_SUMMARY_KPIS = [
  'units',
  'vacancyRate',
  'notInUseRate',
  'vacancyRateByArea',
  'areaCoverage',
  'longTermVacancyShare',
  'medianVacancyDays',
  'temporaryUseShare',
  'vacantPer1000Inhabitants',
  'dataFreshness',
  'interventionConversionRate',
] as const satisfies readonly (keyof StockKpis)[];
/** Flows of the 12 months up to the date. */
export const FLOW_SUMMARY_KPIS = [
  'openings',
  'closures',
  'netChange',
  'medianReLettingDays',
] as const satisfies readonly (keyof FlowKpis)[];
export const SUMMARY_KPIS = [...STOCK_SUMMARY_KPIS, ...FLOW_SUMMARY_KPIS] as const;
export type SummaryKpi = (typeof SUMMARY_KPIS)[number];

/**
 * Where one town stands among the members with a value, counted from the lowest value: 1 = lowest.
 * No judgement in the order — a low vacancy rate is good, a low number of units is not.
 */
export interface TownRank {
  /** 1 + how many members have a lower value; null when the town itself has none. */
  position: number | null;
  /** Members with a value (the distribution's n). */
  of: number;
  /** Other members with exactly the same value (they share the position). */
  tied: number;
}

export interface NetworkSummary {
  network: { id: string; slug: string; name: string };
  asOf: string;
  definitionsVersion: string;
  towns: number;
  kpis: Record<SummaryKpi, Distribution>;
  /** Only when asked with `town`: that member's place per KPI. */
  town?: { cityId: string; ranks: Record<SummaryKpi, TownRank> };
}

export interface InterventionTypeInsight {
  type: InterventionType;
  /** What the type's 12-month outcome asks; `none`: nothing is measured, `evaluated` stays 0. */
  measure: OutcomeMeasure;
  /** Started on or before asOf (state running or ended). */
  tried: number;
  /** Ended on or before asOf (state ended). */
  ended: number;
  /** Ended interventions whose 12-month outcome is known (docs/kpis.md, "Intervention outcome"). */
  evaluated: number;
  /** Evaluated with result `success` by the type's measure (for a rent subsidy: businesses still open). */
  ledToRegularLease12m: number;
  regularLeaseShare: number | null;
  /** Due (12 months after the end passed) but neither a check nor the register answers. */
  overdue: number;
  /** Median over tried interventions with a budget and linked units of budget / linked units (EUR). */
  medianCostPerUnit: number | null;
  /** Tried ones with at least one obstacle recorded (what `obstacles` counts among). */
  withObstacles: number;
  /** Per obstacle named by a tried one: how many name it; most often first, ties in the list's order. */
  obstacles: ObstacleCount[];
}

export interface ObstacleCount {
  obstacle: InterventionObstacle;
  count: number;
}

export interface InterventionsByType {
  asOf: string;
  definitionsVersion: string;
  /** How many towns' interventions are counted (those asked for that the caller reads); null: every town. */
  towns: number | null;
  types: InterventionTypeInsight[];
}

/**
 * One town's interventions of one type, as on `asOf` (docs/kpis.md, "Interventions by type and
 * town"): `tried` and how those turned out. For a type with a measure the five results add up to
 * `tried`; for a type without one (`none`) they are all 0.
 */
export interface InterventionTownCell {
  cityId: string;
  /** Started on or before asOf (state running or ended). */
  tried: number;
  /** Result `success` by the type's measure (a test shop: its business under a regular lease). */
  success: number;
  /** Result `failure`. */
  failure: number;
  /** Result `otherTenant`: the unit let, but not to the business the intervention placed. */
  otherTenant: number;
  /** Result `overdue`: due, but neither a check nor the register answers. */
  overdue: number;
  /** Result `pending`: still running, or its evaluation date lies after asOf. */
  pending: number;
}

export interface InterventionTypeByTown {
  type: InterventionType;
  measure: OutcomeMeasure;
  /** One cell per town, in the order of `InterventionsByTypeAndTown.towns`. */
  towns: InterventionTownCell[];
}

export interface InterventionsByTypeAndTown {
  asOf: string;
  definitionsVersion: string;
  /** The towns counted (those asked for that the caller reads; every town when neither), by name. */
  towns: {
    id: string;
    name: string;
    /** Some of the town's interventions counted here are synthetic demo data. */
    synthetic: boolean;
  }[];
  types: InterventionTypeByTown[];
}

export interface OccupancyAt {
  /** Null when the intervention lacks the date it derives from. */
  date: string | null;
  /** False when the date lies after today. */
  known: boolean;
  status: OccupancyStatus | null;
  useCategory: UseCategory | null;
}

export interface OccupancyBeforeAfter {
  interventionId: string;
  cityId: string;
  type: InterventionType;
  startDate: string | null;
  endDate: string | null;
  units: {
    storefrontId: string;
    /** Street and house number, as a reader knows the unit. */
    address: string;
    beforeStart: OccupancyAt;
    atEnd: OccupancyAt;
    after12Months: OccupancyAt;
  }[];
}

/** Openings and closures unit by unit (GET /api/kpis/transitions; docs/kpis.md, "Which units"). */
export type TransitionKind = 'opening' | 'closure';

/** What a unit was before or after a transition; null: no record (before its first or after its last period). */
export interface TransitionSide {
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
}

export interface Transition {
  storefrontId: string;
  address: string;
  /** The first day of the new state (YYYY-MM-DD). */
  day: string;
  kind: TransitionKind;
  before: TransitionSide | null;
  after: TransitionSide | null;
}

export interface TownTransitions {
  cityId: string;
  from: string;
  to: string;
  /** Every opening and closure in [from, to]: the flow KPIs of docs/kpis.md for the same days. */
  openings: number;
  closures: number;
  /** Day by day, then by address; at most 2,000. */
  transitions: Transition[];
  truncated: boolean;
}
