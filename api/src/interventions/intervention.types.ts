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
  isSynthetic: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
