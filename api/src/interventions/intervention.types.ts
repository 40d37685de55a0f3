import { addMonths } from '../kpis/kpi-dates.js';

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
 * The 12-month outcome by the KPI rule (docs/kpis.md, "Intervention conversion rate"), today: the
 * recorded 12-month check, else the registry on the evaluation date. What the knowledge base's
 * summary counts, so each entry says the same.
 */
export interface InterventionOutcome {
  /** End date + 12 months. */
  evaluationDate: string;
  /** null: neither a check nor linked units tell (not evaluable). */
  regularLease: boolean | null;
  /** Where the answer comes from: the on-site check, or the units' statuses in the register. */
  basis: 'check' | 'registry' | null;
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
  storefrontIds: string[];
  outcomeChecks: OutcomeCheck[];
  /** null until it can be evaluated: ended, and 12 months after its end have passed. */
  outcome12: InterventionOutcome | null;
  isSynthetic: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
