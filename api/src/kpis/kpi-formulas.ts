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

/**
 * Outcome of one intervention known on D: true/false, or null when it cannot be evaluated
 * (not ended, evaluation date after D, no check and no linked units).
 */
export function conversionOutcome(i: KpiIntervention, date: string): boolean | null {
  if (i.state !== 'ended' || i.endDate === null) return null;
  const evaluationDate = addMonths(i.endDate, OUTCOME_MONTHS);
  if (evaluationDate > date) return null;
  const check = i.check12;
  if (check && check.regularLeaseSigned !== null && (check.checkedOn === null || check.checkedOn <= date)) {
    return check.regularLeaseSigned;
  }
  if (i.linkedUnits.length === 0) return null;
  return i.linkedUnits.every((periods) => statusOn(periods, evaluationDate) === 'occupied');
}

export function countConversion(
  interventions: readonly KpiIntervention[],
  date: string,
  types: readonly KpiIntervention['type'][] = CONVERTIBLE_INTERVENTION_TYPES,
): ConversionCounts {
  const outcomes = interventions
    .filter((i) => types.includes(i.type))
    .map((i) => conversionOutcome(i, date))
    .filter((o): o is boolean => o !== null);
  return { evaluated: outcomes.length, converted: outcomes.filter(Boolean).length };
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
