import { percentileCont } from './kpi-dates.js';
import {
  USE_MIX_KEYS,
  type ConversionCounts,
  type Distribution,
  type FlowCounts,
  type FlowKpis,
  type StockCounts,
  type StockKpis,
  type TownRank,
  type UseMixKey,
} from './kpi.types.js';

/**
 * From counts to KPIs: the one place ratios are formed, shared by the SQL path and the reference
 * formulas, so the two cannot differ in rounding or in how an empty denominator is answered.
 */

/** `numerator / denominator`, or null when there is nothing to divide by. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

export function deriveStockKpis(
  c: StockCounts,
  population: number | null,
  conversion: ConversionCounts,
): StockKpis {
  const useMix = Object.fromEntries(USE_MIX_KEYS.map((k) => [k, ratio(c.useMix[k], c.inUse)])) as Record<
    UseMixKey,
    number | null
  >;
  return {
    units: c.units,
    vacantUnits: c.vacant,
    unitsInUse: c.inUse,
    longTermVacantUnits: c.longTermVacant,
    vacancyRate: ratio(c.vacant, c.units),
    notInUseRate: ratio(c.vacant + c.underRenovation + c.notLettable, c.units),
    vacancyRateByArea: ratio(c.vacantArea, c.areaTotal),
    areaCoverage: ratio(c.unitsWithArea, c.units),
    longTermVacancyShare: ratio(c.longTermVacant, c.vacant),
    medianVacancyDays: c.medianVacancyDays,
    temporaryUseShare: ratio(c.temporaryUse, c.units),
    useMix,
    vacantPer1000Inhabitants: population ? (c.vacant / population) * 1000 : null,
    dataFreshness: ratio(c.fresh, c.units),
    interventionConversionRate: ratio(conversion.converted, conversion.evaluated),
    interventionsEvaluated: conversion.evaluated,
    interventionsConverted: conversion.converted,
  };
}

export function deriveFlowKpis(c: FlowCounts, from: string, to: string): FlowKpis {
  return {
    from,
    to,
    openings: c.openings,
    closures: c.closures,
    netChange: c.openings - c.closures,
    reLettings: c.reLettings,
    medianReLettingDays: c.medianReLettingDays,
  };
}

/** `value`'s place among the non-null `values` (which include it), 1 = lowest; ties share a place. */
export function rankOf(value: number | null, values: readonly (number | null)[]): TownRank {
  const present = values.filter((v): v is number => v !== null);
  if (value === null) return { position: null, of: present.length, tied: 0 };
  return {
    position: 1 + present.filter((v) => v < value).length,
    of: present.length,
    tied: present.filter((v) => v === value).length - 1,
  };
}

/** Median, quartiles and range of the non-null values. */
export function distributionOf(values: readonly (number | null)[]): Distribution {
  const present = values.filter((v): v is number => v !== null);
  return {
    median: percentileCont(present, 0.5),
    q1: percentileCont(present, 0.25),
    q3: percentileCont(present, 0.75),
    min: present.length ? Math.min(...present) : null,
    max: present.length ? Math.max(...present) : null,
    n: present.length,
  };
}
