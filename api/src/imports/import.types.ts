import type { Floor, OccupancyStatus, UseCategory } from '../storefronts/storefront.types.js';

/** What a column of an uploaded storefront list can mean. */
export const IMPORT_FIELDS = [
  'referenceId',
  'street',
  'houseNumber',
  'address',
  'postcode',
  'floorAreaM2',
  'frontageM',
  'floor',
  'status',
  'useCategory',
  'businessName',
  'statusSince',
  'lat',
  'lon',
  'easting',
  'northing',
  'wkt',
  'notes',
  'ownerName',
  'ownerPhone',
  'ownerEmail',
  'askingRentEurMonth',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Projected coordinates accepted besides WGS 84: ETRS89 / UTM zones 32N and 33N. */
export const IMPORT_SRIDS = [4326, 25832, 25833] as const;
export type ImportSrid = (typeof IMPORT_SRIDS)[number];

export const IMPORT_STATUSES = ['uploaded', 'mapped', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const FILE_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be', 'binary'] as const;
export const CSV_DELIMITERS = [';', ',', '\t'] as const;

/** How the file was read (shown to the user, so a wrong guess can be spotted). */
export interface FileInfo {
  format: ImportFormat;
  encoding: (typeof FILE_ENCODINGS)[number];
  bom: boolean;
  delimiter: (typeof CSV_DELIMITERS)[number] | null;
  sheet: string | null;
  /** The list's date as a title line above the table names it („Stand 30.11.2026“), ISO; else null. */
  listDate?: string | null;
}

/** A parsed file: header cells and data rows, each with its line (CSV) or row number (XLSX). */
export interface ParsedTable {
  headers: string[];
  rows: string[][];
  lines: number[];
  info: FileInfo;
  /** Rows that could not be read as they are (e.g. more cells than headers). */
  problems: ImportProblem[];
}

/** The user's choices: which column means what, and how values translate. */
export interface ImportMapping {
  /** field → header name in the file */
  columns: Partial<Record<ImportField, string>>;
  /** Coordinates in easting/northing or WKT columns are in this reference system. */
  srid: ImportSrid;
  decimalSeparator: ',' | '.';
  /** The list's reference date: a changed status takes effect on this day unless a "since" date says otherwise. */
  referenceDate: string;
  /** raw cell text (as in the file) → status */
  statusValues: Record<string, OccupancyStatus>;
  /** raw cell text → use category; '' maps to none */
  categoryValues: Record<string, UseCategory>;
  /** Import the good rows and report the others as rejected, instead of refusing the whole file. */
  skipInvalidRows: boolean;
}

export const PROBLEM_SEVERITIES = ['error', 'warning'] as const;
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];

/** One problem with one cell or row, in words a city manager understands. */
export interface ImportProblem {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  code: ProblemCode;
  severity: ProblemSeverity;
  /**
   * The particulars the reason names, for the dashboard's own sentence in another language:
   * `since` (DD.MM.YYYY) the day the current status began (DATE_BEFORE_CURRENT); `otherLine` the row
   * of the same unit whose problem keeps this one out (a history is imported whole or not at all);
   * `context` which of a code's cases it is (INVALID_DATE `afterReference` with `referenceDate`,
   * INVALID_NUMBER `decimalComma`/`decimalPoint`/`range` with `min` and `max`, INVALID_VALUE
   * `floor`/`postcode`/`postcodeFourDigits`/`email`, INVALID_COORDINATES `degrees`/`swapped`/`easting`/`northing`,
   * DUPLICATE_IN_FILE `sameUnit`/`sameReference`/`repeat` with `firstLine`); `stored`, the unit's stored
   * address (ADDRESS_TYPO, LARGE_MOVE; NEAR_OTHER_NUMBER: the unit beside the row), and `distance` in
   * metres (LARGE_MOVE, NEAR_OTHER_NUMBER).
   */
  params?: ProblemParams;
}

export interface ProblemParams {
  since?: string;
  otherLine?: string;
  context?: string;
  referenceDate?: string;
  min?: string;
  max?: string;
  firstLine?: string;
  /**
   * The unit's stored address (ADDRESS_TYPO: the spelling the file's would replace; LARGE_MOVE;
   * NEAR_OTHER_NUMBER: the stored unit beside the new one).
   */
  stored?: string;
  /** LARGE_MOVE: metres the unit would move; NEAR_OTHER_NUMBER: metres between the row and the unit. */
  distance?: string;
}

export const PROBLEM_CODES = [
  'CELL_COUNT',
  'INVALID_FEATURE',
  'MISSING_VALUE',
  'INVALID_NUMBER',
  'INVALID_DATE',
  'INVALID_COORDINATES',
  'UNKNOWN_STATUS',
  'UNKNOWN_CATEGORY',
  'CATEGORY_WITHOUT_USE',
  'INVALID_VALUE',
  'OUTSIDE_TOWN',
  'DUPLICATE_IN_FILE',
  'REFERENCE_CONFLICT',
  'AMBIGUOUS_MATCH',
  'CONFLICTING_HISTORY',
  'NEEDS_PLACING',
  'DATE_BEFORE_CURRENT',
  'NO_CURRENT_STATUS',
  'ADDRESS_TYPO',
  'LARGE_MOVE',
  'NEAR_OTHER_NUMBER',
  'TOTAL_ROW',
  'HEADER_TWO_ROWS',
  'UNNAMED_COLUMN',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A row after mapping, ready for the database (coordinates still in the file's system). */
export interface ImportRow {
  line: number;
  referenceId: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  floorAreaM2: number | null;
  frontageM: number | null;
  floor: Floor | null;
  status: OccupancyStatus | null;
  useCategory: UseCategory | null;
  businessName: string | null;
  statusSince: string | null;
  x: number | null;
  y: number | null;
  srid: ImportSrid | null;
  /**
   * Decimals of the row's WGS 84 degrees as the file writes them (the finer of the two; null for
   * projected coordinates — whole metres are already within the metre a position may differ by — and for
   * numbers not written plainly). A stored position that rounds to the file's is kept (import-positions.ts).
   */
  coordinateDecimals: number | null;
  notes: string | null;
  ownerName: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
  askingRentEurMonth: number | null;
}

export interface ImportSummary {
  total: number;
  created: number;
  updated: number;
  /** Of the updated: units whose history got a new status period. */
  historyExtended: number;
  unchanged: number;
  rejected: number;
  /** Rows without coordinates that matched no unit: listed, not imported. */
  needsPlacing: number;
  /**
   * Matched units whose position in the file is the stored one rounded (fewer decimals): the stored,
   * more precise position is kept (import-positions.ts).
   */
  roundedPositions: number;
}

export interface ImportOutcome {
  summary: ImportSummary;
  problems: ImportProblem[];
}

/** An import as stored (table `imports`). */
export interface ImportRecord {
  id: string;
  cityId: string;
  ownerId: string | null;
  fileName: string | null;
  format: ImportFormat;
  status: ImportStatus;
  headers: string[];
  rowCount: number;
  fileInfo: FileInfo;
  mapping: ImportMapping | null;
  processed: number;
  summary: ImportSummary | null;
  error: unknown;
  createdAt: string;
}

/** GET/POST …/imports answers: the stored import with a preview of its first rows. */
export interface ImportView extends ImportRecord {
  preview: string[][];
  fileProblems: ImportProblem[];
}

/** GET …/imports/{id}/suggestions */
export interface ImportSuggestions {
  mapping: ImportMapping;
  /** Distinct cell texts per header (for the value mapping), when a column has few. */
  values: Record<string, string[]>;
  /** What each known cell text would become without a choice. */
  knownStatuses: Record<string, OccupancyStatus | null>;
  knownCategories: Record<string, UseCategory | null>;
}

/** POST …/imports/{id}/dry-run */
export interface DryRunResult extends ImportOutcome {
  /** Would a commit write (no rejected rows, or skipInvalidRows)? */
  committable: boolean;
  /** The updated units with what changes on each, by line (at most MAX_LISTED_CHANGES). */
  changes: ImportChange[];
  /** The rows a commit would create a unit from, by line (at most MAX_LISTED_CHANGES; summary.created counts all). */
  newUnits: NewUnit[];
}

/** A unit a commit would create: its line and the file's address and status. */
export interface NewUnit {
  line: number;
  address: string;
  status: OccupancyStatus;
}

export const CHANGE_FIELDS = [
  'address',
  'postcode',
  'floorAreaM2',
  'frontageM',
  'floor',
  'referenceId',
  'notes',
  'location',
  'status',
  'useCategory',
  'businessName',
  'history',
  'contact',
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/**
 * One field of a unit a commit would change: values as text (numbers with a decimal point, codes for
 * status, use and floor). `location`: `after` is the distance moved in metres; `history` (a unit given
 * by several rows) and `contact` (values not repeated) carry no values.
 */
export interface FieldChange {
  field: ChangeField;
  before: string | null;
  after: string | null;
}

/** An existing unit a commit would update: its line, its stored address, and what changes. */
export interface ImportChange {
  line: number;
  storefrontId: string;
  address: string;
  /** The day a new status, use or business name takes effect; null when they stay. */
  statusFrom: string | null;
  fields: FieldChange[];
}
