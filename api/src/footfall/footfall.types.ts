/**
 * What the footfall endpoints answer, shared with the dashboard (web/src/features/footfall imports
 * these types). Keep this file free of framework imports.
 */

/** Why a line of a counter file was repaired or rejected (the dashboard explains each in its language). */
export const LINE_PROBLEMS = [
  'shifted_columns',
  'removed_empty_cell',
  'cell_count',
  'unreadable_hour',
  'not_on_the_hour',
  'before_counting',
  'nonexistent_hour',
  'future_hour',
  'duplicate_hour',
  'invalid_count',
  'implausible_count',
] as const;
export type LineProblem = (typeof LINE_PROBLEMS)[number];

/** One reported line of a counter file: repaired or rejected, with the reason. */
export interface LineReport {
  line: number;
  text: string;
  /** The column as the file's header names it ("Datum, Uhrzeit" for two); null for a problem of the whole line. */
  column: string | null;
  /** What the line has in that column ("30.03.2025, 02:00" for two); null with `column`. */
  value: string | null;
  /** The reason as a code, with the numbers its explanation names (column, cells, line, maximum, year). */
  problem: LineProblem;
  params: Record<string, number>;
  /** The reason in English. */
  reason: string;
}

/** POST /api/cities/{id}/footfall */
export interface FootfallImportReport {
  locationId: string;
  location: string;
  stored: number;
  outageHours: number;
  firstHour: string;
  lastHour: string;
  gaps: { from: string; to: string; hours: number }[];
  repaired: LineReport[];
  rejected: LineReport[];
  encodings: string[];
}

export interface FootfallWeek {
  locationCount: number;
  isoYear: number;
  isoWeek: number;
  weekStart: string;
  /** Mean count per complete counting day (all locations). */
  meanDailyCount: number | null;
  completeDays: number;
  /** Location-weekdays with a complete day this week and in the same ISO week a year before. */
  comparableDays: number;
  /** Σ this year / Σ last year − 1 over the comparable location-weekdays; null without any. */
  yearOnYear: number | null;
}

export interface FootfallLocation {
  id: string;
  name: string;
  /** The counter's position [lon, lat]; null while none is stored. */
  lonLat: [number, number] | null;
  firstHour: string | null;
  lastHour: string | null;
  hours: number;
  outageHours: number;
}

/** GET /api/cities/{id}/footfall/trend */
export interface FootfallTrend {
  cityId: string;
  from: string;
  to: string;
  method: string;
  locations: FootfallLocation[];
  weeks: FootfallWeek[];
  /** Monthly vacancy rate (month = first day), share 0…1. */
  vacancy: { month: string; vacancyRate: number | null }[];
}

/** DELETE /api/cities/{id}/footfall/locations/{locationId}/counts */
export interface CountsRemoved {
  /** Hours removed (counts and outages). */
  removedHours: number;
  /** The location as it is now. */
  location: FootfallLocation;
}
