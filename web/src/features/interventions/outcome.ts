import type { TFunction } from 'i18next';
import type { Intervention } from '../../lib/domain';

export type Outcome = 'lease' | 'noLease' | 'unknown';

/**
 * The 12-month outcome as the KPIs count it (the API's `outcome12`: the recorded check, else the
 * registry; docs/kpis.md), so an entry says what the knowledge base's summary counts.
 */
export function outcomeOf(intervention: Pick<Intervention, 'outcome12'>): Outcome {
  const lease = intervention.outcome12?.regularLease;
  if (lease === true) return 'lease';
  if (lease === false) return 'noLease';
  return 'unknown';
}

const OUTCOME_KEY = {
  lease: 'kb.outcomeLease',
  noLease: 'kb.outcomeNoLease',
  unknown: 'kb.outcomeUnknown',
} as const;

/** The outcome in words, with what it rests on: „regulär vermietet (laut Register)“. */
export function outcomeText(intervention: Pick<Intervention, 'outcome12'>, t: TFunction): string {
  const text = t(OUTCOME_KEY[outcomeOf(intervention)]);
  const basis = intervention.outcome12?.basis;
  return basis ? `${text} (${t(`kb.outcomeBasis.${basis}`)})` : text;
}

export interface ClientFilter {
  outcome: Outcome | undefined;
  maxCost: number | undefined;
}

/** Outcome and cost are filtered in the browser (the list API has no such parameters). */
export function matchesClientFilter(
  i: Pick<Intervention, 'outcome12' | 'budgetEur'>,
  f: ClientFilter,
): boolean {
  if (f.outcome && outcomeOf(i) !== f.outcome) return false;
  if (f.maxCost !== undefined && (i.budgetEur === null || i.budgetEur > f.maxCost)) return false;
  return true;
}
