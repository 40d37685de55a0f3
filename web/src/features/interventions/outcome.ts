import type { Intervention } from '../../lib/domain';

export type Outcome = 'lease' | 'noLease' | 'unknown';

/** The 12-month outcome check as recorded (the KPI rule also consults the registry; see docs/kpis.md). */
export function outcomeOf(intervention: Pick<Intervention, 'outcomeChecks'>): Outcome {
  const check = intervention.outcomeChecks.find((c) => c.monthsAfterEnd === 12);
  if (check?.regularLeaseSigned === true) return 'lease';
  if (check?.regularLeaseSigned === false) return 'noLease';
  return 'unknown';
}

export interface ClientFilter {
  outcome: Outcome | undefined;
  maxCost: number | undefined;
}

/** Outcome and cost are filtered in the browser (the list API has no such parameters). */
export function matchesClientFilter(
  i: Pick<Intervention, 'outcomeChecks' | 'budgetEur'>,
  f: ClientFilter,
): boolean {
  if (f.outcome && outcomeOf(i) !== f.outcome) return false;
  if (f.maxCost !== undefined && (i.budgetEur === null || i.budgetEur > f.maxCost)) return false;
  return true;
}
