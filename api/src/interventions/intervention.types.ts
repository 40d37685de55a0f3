import { addMonths } from '../kpis/kpi-dates.js';
import type { Floor } from '../storefronts/storefront.types.js';

export const INTERVENTION_TYPES = [
  'test_shop',
  'pop_up',
  'temporary_use',
  'rent_subsidy',
  'facade_programme',
  'vacancy_exchange_listing',
  'event',
  'marketing',
  'other',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];

export const INTERVENTION_STATES = ['planned', 'running', 'ended'] as const;
export type InterventionState = (typeof INTERVENTION_STATES)[number];

/**
 * What stood in an intervention's way (docs/kpis.md, "Obstacles"), a fixed list so that towns can be
 * compared — the database's check `interventions_obstacles_known` holds the same codes:
 * the rent asked, the owner (not reachable, not willing), the unit's condition or layout, too little
 * footfall, the location (side street, access, parking), the business concept (turnover too low),
 * the operator (no one found, gave up), funding (ended, missing), permits and requirements, too
 * little awareness (publicity), other.
 */
export const INTERVENTION_OBSTACLES = [
  'rent_level',
  'owner',
  'unit_condition',
  'footfall',
  'location',
  'business_concept',
  'operator',
  'funding',
  'permits',
  'awareness',
  'other',
] as const;
export type InterventionObstacle = (typeof INTERVENTION_OBSTACLES)[number];

/** Each obstacle once, in the list's order (how they are stored and shown). */
export function normalizeObstacles(obstacles: readonly InterventionObstacle[]): InterventionObstacle[] {
  return INTERVENTION_OBSTACLES.filter((o) => obstacles.includes(o));
}

export const OUTCOME_CHECK_MONTHS = [6, 12, 24] as const;
export type OutcomeCheckMonths = (typeof OUTCOME_CHECK_MONTHS)[number];

/**
 * The first day an outcome check `months` after the end may be dated: a month before it is due (an
 * appointment a little early still counts; a 24-month check after 15 months does not). Shared with the
 * dashboard, which offers the same dates.
 */
export function outcomeCheckDueFrom(endDate: string, months: number): string {
  return addMonths(endDate, months - 1);
}

export interface OutcomeCheck {
  monthsAfterEnd: OutcomeCheckMonths;
  checkedOn: string | null;
  regularLeaseSigned: boolean | null;
  businessStillTrading: boolean | null;
  note: string | null;
}

/**
 * What the 12-month outcome asks of an intervention, by type (docs/kpis.md, "Intervention outcome"):
 * - `ownBusinessLease` (test shop, pop-up, temporary use): does the business the intervention placed
 *   trade in the unit under a regular lease? Another business in the unit is not its success.
 * - `businessesTrading` (rent subsidy): are the subsidised businesses still open?
 * - `unitLet` (vacancy exchange): was a listed unit let (to anyone)?
 * - `none` (facade programme, event, marketing, other): nothing is measured („nicht erhoben“).
 */
export const OUTCOME_MEASURES = ['ownBusinessLease', 'businessesTrading', 'unitLet', 'none'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

export const OUTCOME_MEASURE_OF: Record<InterventionType, OutcomeMeasure> = {
  test_shop: 'ownBusinessLease',
  pop_up: 'ownBusinessLease',
  temporary_use: 'ownBusinessLease',
  rent_subsidy: 'businessesTrading',
  vacancy_exchange_listing: 'unitLet',
  facade_programme: 'none',
  event: 'none',
  marketing: 'none',
  other: 'none',
};

/**
 * - `success` / `failure`: known, from the check or the register (`basis`);
 * - `otherTenant`: a failure whose unit(s) another business has let („Fläche anderweitig vermietet“);
 * - `pending`: not yet due — running, planned, or the evaluation date lies after the date;
 * - `overdue`: due, but neither a check nor the register answers (the check is missing);
 * - `notMeasured`: a type without a 12-month measure.
 */
export const OUTCOME_RESULTS = [
  'success',
  'failure',
  'otherTenant',
  'pending',
  'overdue',
  'notMeasured',
] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

/** Results that count as evaluated in the KPI and the knowledge base's summary. */
export const EVALUATED_RESULTS: readonly OutcomeResult[] = ['success', 'failure', 'otherTenant'];

/**
 * The 12-month outcome by the one rule of docs/kpis.md ("Intervention outcome"), as known on a
 * date (the list's `asOf`, default today): what the KPI, the knowledge base's summary, the entry and
 * the reports all show. Computed in SQL only (api/src/kpis/outcome-sql.ts); kpi-formulas.ts holds the
 * reference the SQL is tested against.
 */
export interface InterventionOutcome {
  measure: OutcomeMeasure;
  /** End date + 12 months; null without an end date. */
  evaluationDate: string | null;
  result: OutcomeResult;
  /** What a known result rests on: the recorded 12-month check, or the register on the evaluation date. */
  basis: 'check' | 'registry' | null;
}

/**
 * A unit an intervention used, by its address (what a report or list names it by). Addresses only: a
 * reader of the town's interventions may read its units' addresses anyway (the map is wider open),
 * the business name stays with the unit and its own rules.
 */
export interface InterventionUnit {
  id: string;
  street: string;
  houseNumber: string;
  floor: Floor;
}

export interface Intervention {
  id: string;
  cityId: string;
  type: InterventionType;
  title: string;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetEur: number | null;
  fundingSource: string | null;
  partners: string | null;
  state: InterventionState;
  lessonsLearned: string | null;
  /** What stood in its way, in `INTERVENTION_OBSTACLES` order; empty = none recorded. */
  obstacles: InterventionObstacle[];
  storefrontIds: string[];
  /** The same units with their addresses, by street and number. */
  units: InterventionUnit[];
  outcomeChecks: OutcomeCheck[];
  outcome12: InterventionOutcome;
  isSynthetic: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
