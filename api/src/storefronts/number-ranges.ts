/**
 * Plausible ranges of a unit's numbers, the same for the API's forms (DTO validation) and for imports
 * (import-rows.ts), and inside the database columns' precision (numeric(9,1), numeric(6,1), numeric(10,2)).
 */
export const NUMBER_RANGES = {
  floorAreaM2: { min: 1, max: 100_000 },
  frontageM: { min: 0.5, max: 1_000 },
  askingRentEurMonth: { min: 0, max: 10_000_000 },
} as const;
