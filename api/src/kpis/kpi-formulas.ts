import {
  EVALUATED_RESULTS,
  OUTCOME_MEASURE_OF,
  type OutcomeMeasure,
  type OutcomeResult,
} from '../interventions/intervention.types.js';
import { IN_USE_STATUSES, type OccupancyStatus } from '../storefronts/storefront.types.js';
import { addDays, addMonths, daysBetween, median } from './kpi-dates.js';
import {
  CONVERTIBLE_INTERVENTION_TYPES,
  USE_MIX_KEYS,
  type ConversionCounts,
  type FlowCounts,
  type KpiIntervention,
  type KpiPeriod,
  type KpiUnit,
  type StockCounts,
  type UseMixKey,
} from './kpi.types.js';

/**
 * The reference implementation of docs/kpis.md over plain in-memory data: what the SQL in
 * kpis.repository.ts must equal. Written for clarity, not speed.
 */

export const LONG_TERM_MONTHS = 12;
export const FRESHNESS_MONTHS = 12;
export const OUTCOME_MONTHS = 12;

export const isInUse = (status: OccupancyStatus | null): boolean =>
  status !== null && IN_USE_STATUSES.includes(status);

/** Index of the period valid on `date` ([validFrom, validTo)), or -1. */
export function periodIndexOn(periods: readonly KpiPeriod[], date: string): number {
  return periods.findIndex((p) => p.validFrom <= date && (p.validTo === null || date < p.validTo));
}

export function statusOn(periods: readonly KpiPeriod[], date: string): OccupancyStatus | null {
  return periods[periodIndexOn(periods, date)]?.status ?? null;
}

/** First day of the unbroken run of `vacant` periods that ends with period `index`. */
export function vacancyStart(periods: readonly KpiPeriod[], index: number): string {
  let first = index;
  while (first > 0 && periods[first - 1]!.status === 'vacant') first--;
  return periods[first]!.validFrom;
}

const emptyUseMix = (): Record<UseMixKey, number> =>
  Object.fromEntries(USE_MIX_KEYS.map((k) => [k, 0])) as Record<UseMixKey, number>;

/** The counts of a town with no units (also what the pre-aggregate read uses for an empty town). */
export function emptyStockCounts(): StockCounts {
  return {
    units: 0,
    vacant: 0,
    underRenovation: 0,
    notLettable: 0,
    temporaryUse: 0,
    inUse: 0,
    longTermVacant: 0,
    unitsWithArea: 0,
    areaTotal: 0,
    vacantArea: 0,
    fresh: 0,
    medianVacancyDays: null,
    useMix: emptyUseMix(),
  };
}

/** What is counted on the date D over the units in scope. */
export function countStock(units: readonly KpiUnit[], date: string): StockCounts {
  const c = emptyStockCounts();
  const vacancyDays: number[] = [];
  for (const unit of units) {
    if (!unit.insidePerimeter) continue;
    const index = periodIndexOn(unit.periods, date);
    const period = unit.periods[index];
    if (!period || period.status === 'demolished') continue;
    c.units++;
    if (unit.floorAreaM2 !== null) {
      c.unitsWithArea++;
      c.areaTotal += unit.floorAreaM2;
    }
    if (unit.visits.some((visit) => visit <= date && date < addMonths(visit, FRESHNESS_MONTHS))) c.fresh++;
    switch (period.status) {
      case 'vacant': {
        c.vacant++;
        if (unit.floorAreaM2 !== null) c.vacantArea += unit.floorAreaM2;
        const start = vacancyStart(unit.periods, index);
        if (addMonths(start, LONG_TERM_MONTHS) <= date) c.longTermVacant++;
        vacancyDays.push(daysBetween(start, date));
        break;
      }
      case 'under_renovation':
        c.underRenovation++;
        break;
      case 'not_lettable':
        c.notLettable++;
        break;
      case 'temporary_use':
      case 'occupied':
        if (period.status === 'temporary_use') c.temporaryUse++;
        c.inUse++;
        c.useMix[period.useCategory ?? 'unspecified']++;
        break;
    }
  }
  c.medianVacancyDays = median(vacancyDays);
  return c;
}

/** A business name as compared: trimmed, case-insensitive; empty = unknown. */
const businessOf = (periods: readonly KpiPeriod[], date: string): string | null =>
  periods[periodIndexOn(periods, date)]?.businessName?.trim().toLowerCase() || null;

/** The check's answer to the type's question, or null when it gives none (docs/kpis.md). */
function checkSuccess(
  measure: OutcomeMeasure,
  check: NonNullable<KpiIntervention['check12']>,
): boolean | null {
  const trading = check.businessStillTrading ?? null;
  switch (measure) {
    case 'ownBusinessLease':
      if (check.regularLeaseSigned === false || trading === false) return false;
      return check.regularLeaseSigned === true ? true : null;
    case 'businessesTrading':
      return trading;
    case 'unitLet':
      return check.regularLeaseSigned;
    case 'none':
      return null;
  }
}

interface RegistryFacts {
  answer: 'success' | 'failure' | 'otherTenant' | null;
  letToOthers: boolean;
}

/** The register on the evaluation date E (`endDate` + 12 months) for the type's measure. */
function registryFacts(measure: OutcomeMeasure, i: KpiIntervention, evaluationDate: string): RegistryFacts {
  const units = i.linkedUnits.map((periods) => {
    const let_ = statusOn(periods, evaluationDate) === 'occupied';
    const now = businessOf(periods, evaluationDate);
    const atEnd = businessOf(periods, i.endDate!);
    return {
      let_,
      own: let_ && now !== null && now === atEnd,
      other: let_ && now !== null && atEnd !== null && now !== atEnd,
    };
  });
  const let_ = units.filter((u) => u.let_).length;
  const own = units.filter((u) => u.own).length;
  const other = units.filter((u) => u.other).length;
  const n = units.length;
  const letToOthers = measure !== 'unitLet' && n > 0 && let_ === n && own < n;
  if (n === 0 || measure === 'none') return { answer: null, letToOthers };
  if (measure === 'unitLet') return { answer: let_ > 0 ? 'success' : 'failure', letToOthers };
  if (let_ < n) return { answer: 'failure', letToOthers };
  if (own === n) return { answer: 'success', letToOthers };
  return { answer: own + other === n ? 'otherTenant' : null, letToOthers };
}

/**
 * The 12-month outcome of one intervention known on D (docs/kpis.md, "Intervention outcome"):
 * the reference for outcome-sql.ts.
 */
export function interventionOutcome(
  i: KpiIntervention,
  date: string,
): { result: OutcomeResult; basis: 'check' | 'registry' | null } {
  const measure = OUTCOME_MEASURE_OF[i.type];
  if (measure === 'none') return { result: 'notMeasured', basis: null };
  if (i.state !== 'ended' || i.endDate === null) return { result: 'pending', basis: null };
  const evaluationDate = addMonths(i.endDate, OUTCOME_MONTHS);
  if (evaluationDate > date) return { result: 'pending', basis: null };
  const registry = registryFacts(measure, i, evaluationDate);
  const check = i.check12;
  const answer =
    check && (check.checkedOn === null || check.checkedOn <= date) ? checkSuccess(measure, check) : null;
  if (answer !== null) {
    return { result: answer ? 'success' : registry.letToOthers ? 'otherTenant' : 'failure', basis: 'check' };
  }
  if (registry.answer !== null) return { result: registry.answer, basis: 'registry' };
  return { result: 'overdue', basis: null };
}

/** The conversion KPI's counts on D: evaluated and successful interventions of the given types. */
export function countConversion(
  interventions: readonly KpiIntervention[],
  date: string,
  types: readonly KpiIntervention['type'][] = CONVERTIBLE_INTERVENTION_TYPES,
): ConversionCounts {
  const results = interventions
    .filter((i) => types.includes(i.type))
    .map((i) => interventionOutcome(i, date).result)
    .filter((r) => EVALUATED_RESULTS.includes(r));
  return { evaluated: results.length, converted: results.filter((r) => r === 'success').length };
}

interface Transition {
  day: string;
  before: OccupancyStatus | null;
  after: OccupancyStatus | null;
  /** Start of the vacancy that ends here, when `before` is vacant. */
  vacancyStart: string | null;
}

/** Where a unit's in-use class may change: each period's start, and the end of a closed last period. */
export function transitionsOf(periods: readonly KpiPeriod[]): Transition[] {
  const result: Transition[] = periods.map((p, i) => {
    const previous = periods[i - 1];
    return {
      day: p.validFrom,
      before: previous?.status ?? null,
      after: p.status,
      vacancyStart: previous?.status === 'vacant' ? vacancyStart(periods, i - 1) : null,
    };
  });
  const last = periods[periods.length - 1];
  if (last?.validTo) {
    result.push({
      day: last.validTo,
      before: last.status,
      after: null,
      vacancyStart: last.status === 'vacant' ? vacancyStart(periods, periods.length - 1) : null,
    });
  }
  return result;
}

/** Openings, closures and re-lettings on the days from `from` to `to`, both inclusive. */
export function countFlows(units: readonly KpiUnit[], from: string, to: string): FlowCounts {
  let openings = 0;
  let closures = 0;
  const reLettingDays: number[] = [];
  for (const unit of units) {
    if (!unit.insidePerimeter) continue;
    for (const t of transitionsOf(unit.periods)) {
      if (t.day < from || t.day > to) continue;
      const wasInUse = isInUse(t.before);
      const isNowInUse = isInUse(t.after);
      if (isNowInUse && !wasInUse) openings++;
      if (wasInUse && !isNowInUse) closures++;
      if (t.before === 'vacant' && isNowInUse && t.vacancyStart !== null) {
        reLettingDays.push(daysBetween(t.vacancyStart, t.day));
      }
    }
  }
  return { openings, closures, reLettings: reLettingDays.length, medianReLettingDays: median(reLettingDays) };
}

/** The 12 months up to and including D: [D − 12 months + 1 day, D]. */
export function trailingYear(date: string): { from: string; to: string } {
  return { from: addDays(addMonths(date, -12), 1), to: date };
}
