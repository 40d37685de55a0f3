/**
 * The classes of the network overview map (docs/reports.md, "The network map"): fixed breaks of
 * the vacancy rate, the same in every report, so two printed reports (other dates, other networks)
 * can be compared by colour. Quantile breaks would move with the data and make "dark" mean
 * something different on every page.
 *
 * Rates are fractions 0…1 (docs/kpis.md). Each class includes its lower bound and excludes its
 * upper one: [0, 5 %), [5 %, 10 %), [10 %, 15 %), [15 %, 20 %), [20 %, 100 %].
 */
export const VACANCY_CLASS_BREAKS = [0.05, 0.1, 0.15, 0.2] as const;

export interface VacancyClass {
  /** 0 = lowest vacancy. */
  index: number;
  /** Lower bound (inclusive), fraction 0…1. */
  from: number;
  /** Upper bound (exclusive); null for the open top class. */
  to: number | null;
}

export const VACANCY_CLASSES: readonly VacancyClass[] = [0, ...VACANCY_CLASS_BREAKS].map((from, index) => ({
  index,
  from,
  to: VACANCY_CLASS_BREAKS[index] ?? null,
}));

/**
 * The class of a vacancy rate, or null without a rate (no units on the date: "keine Daten").
 * The rate is classed as printed, rounded to 0.1 percentage points (the report's precision), so a
 * town printed as "10,0 %" is never coloured as "5 bis unter 10 %".
 */
export function vacancyClassOf(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  const printed = Math.round(rate * 1000) / 1000;
  const index = VACANCY_CLASS_BREAKS.findIndex((upper) => printed < upper - 1e-9);
  return index === -1 ? VACANCY_CLASS_BREAKS.length : index;
}
