import type { TFunction } from 'i18next';
import type { Intervention, OutcomeCheck } from '../../lib/domain';

/**
 * The 12-month outcome is decided by the API by one rule (docs/kpis.md, "Intervention outcome":
 * `outcome12`); the dashboard and the reports only put it in words, never derive it again.
 */
type Outcome12 = Intervention['outcome12'];

/** The knowledge base's outcome filter (values kept from earlier shared links; `notMeasured` is new). */
export type OutcomeFilter = 'lease' | 'noLease' | 'unknown' | 'notMeasured';
export const OUTCOME_FILTERS: readonly OutcomeFilter[] = ['lease', 'noLease', 'unknown', 'notMeasured'];

export function outcomeFilterOf(outcome: Outcome12): OutcomeFilter {
  switch (outcome.result) {
    case 'success':
      return 'lease';
    case 'failure':
    case 'otherTenant':
      return 'noLease';
    case 'pending':
    case 'overdue':
      return 'unknown';
    case 'notMeasured':
      return 'notMeasured';
  }
}

/** An intervention as its outcome is worded: with its recorded checks, when the caller has them. */
type OutcomeOf = Pick<Intervention, 'outcome12' | 'state'> & Partial<Pick<Intervention, 'outcomeChecks'>>;

/**
 * Why a failure failed, as the 12-month check it rests on says: for a placed business a lease signed and
 * the business given up is „Mietvertrag geschlossen, Betrieb inzwischen aufgegeben“, not „kein regulärer
 * Mietvertrag“ (which the check printed below it contradicts).
 */
function failureKey(o: Outcome12, checks: Intervention['outcomeChecks'] | undefined): string {
  const check = o.basis === 'check' ? checks?.find((c) => c.monthsAfterEnd === 12) : undefined;
  if (o.measure === 'ownBusinessLease' && check && check.regularLeaseSigned !== false) {
    if (check.businessStillTrading === false)
      return check.regularLeaseSigned
        ? 'kb.result.ownBusinessLease.gaveUp'
        : 'kb.result.ownBusinessLease.closed';
  }
  return `kb.result.${o.measure}.failure`;
}

/**
 * The outcome in words, with what it rests on: „Betrieb mit regulärem Mietvertrag (laut
 * 12-Monats-Kontrolle)“, „Fläche anderweitig vermietet (laut Register)“, „noch offen – Kontrolle
 * fällig am 30.09.2026“, „nicht erhoben“. `day` writes a date in the caller's format.
 */
export function outcomeText(
  { outcome12: o, state, outcomeChecks }: OutcomeOf,
  t: TFunction,
  day: (iso: string) => string,
): string {
  const basis = o.basis ? ` (${t(`kb.outcomeBasis.${o.basis}`)})` : '';
  switch (o.result) {
    case 'failure':
      return t(failureKey(o, outcomeChecks)) + basis;
    case 'success':
      return t(`kb.result.${o.measure}.${o.result}`) + basis;
    case 'otherTenant':
      return t('kb.result.otherTenant') + basis;
    case 'overdue':
      return t('kb.result.overdue', { date: o.evaluationDate ? day(o.evaluationDate) : '–' });
    case 'notMeasured':
      return t('kb.result.notMeasured');
    case 'pending':
      return state !== 'ended' || !o.evaluationDate
        ? t(state === 'planned' ? 'kb.result.planned' : 'kb.result.running')
        : t('kb.result.due', { date: day(o.evaluationDate) });
  }
}

const answer = (value: boolean | null, t: TFunction): string =>
  t(value === null ? 'kb.check.notRecorded' : value ? 'kb.check.yes' : 'kb.check.no');

/** A recorded check in one line: „12-Monats-Kontrolle vom 30.09.2025 – Mietvertrag: nein · Betrieb geöffnet: nein“. */
export function checkSummary(check: OutcomeCheck, t: TFunction, day: (iso: string) => string): string {
  const title = check.checkedOn
    ? t('kb.check.titleOn', { months: check.monthsAfterEnd, date: day(check.checkedOn) })
    : t('kb.check.title', { months: check.monthsAfterEnd });
  return `${title} – ${t('kb.check.lease')}: ${answer(check.regularLeaseSigned, t)} · ${t('kb.check.trading')}: ${answer(check.businessStillTrading, t)}`;
}

/** The conversion KPI's definition covers only these (the knowledge base shows its info button there). */
export const countsForConversionKpi = (measure: Outcome12['measure']): boolean =>
  measure === 'ownBusinessLease';

export interface ClientFilter {
  outcome: OutcomeFilter | undefined;
  maxCost: number | undefined;
}

/** Outcome and cost are filtered in the browser (the list API has no such parameters). */
export function matchesClientFilter(
  i: Pick<Intervention, 'outcome12' | 'budgetEur'>,
  f: ClientFilter,
): boolean {
  if (f.outcome && outcomeFilterOf(i.outcome12) !== f.outcome) return false;
  if (f.maxCost !== undefined && (i.budgetEur === null || i.budgetEur > f.maxCost)) return false;
  return true;
}
