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

/**
 * The outcome in words, with what it rests on: „Betrieb mit regulärem Mietvertrag (laut
 * 12-Monats-Kontrolle)“, „Fläche anderweitig vermietet (laut Register)“, „noch offen – Kontrolle
 * fällig am 30.09.2026“, „nicht erhoben“. `day` writes a date in the caller's format.
 */
export function outcomeText(
  { outcome12: o, state }: Pick<Intervention, 'outcome12' | 'state'>,
  t: TFunction,
  day: (iso: string) => string,
): string {
  const basis = o.basis ? ` (${t(`kb.outcomeBasis.${o.basis}`)})` : '';
  switch (o.result) {
    case 'success':
    case 'failure':
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
