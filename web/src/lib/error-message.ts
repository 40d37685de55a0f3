import { isApiError, isCsrfError } from './api-client';
import { formatDate, formatNumber } from './format';

/** Why the API refused a history or an intervention's dates (`details.reason` of INVALID_PERIOD). */
export const PERIOD_REASONS = [
  'use_while_not_in_use',
  'no_current_period',
  'change_before_current',
  'same_status',
  'same_day_as_current',
  'current_has_no_end',
  'only_last_open',
  'last_period',
  'ends_before_start',
  'gap_or_overlap',
  'needs_start_date',
  'needs_end_date',
  'end_before_start',
  'not_ended',
  'check_before_due',
] as const;
type PeriodReason = (typeof PERIOD_REASONS)[number];

/** The date field of a form an INVALID_PERIOD refusal is about (the API's field name). */
const PERIOD_REASON_FIELDS: Partial<Record<PeriodReason, string>> = {
  change_before_current: 'date',
  same_day_as_current: 'date',
  needs_start_date: 'startDate',
  needs_end_date: 'endDate',
  end_before_start: 'endDate',
};

/**
 * The field a refusal of the API concerns, where the form can show it at that field (WCAG 3.3.1) rather
 * than in an alert of its own; null for a refusal of the whole input.
 */
export function refusedField(error: unknown): string | null {
  if (!isApiError(error, 'INVALID_PERIOD')) return null;
  const reason = detail(error, 'reason') as PeriodReason;
  return PERIOD_REASON_FIELDS[reason] ?? null;
}

/**
 * Why an uploaded file cannot be read (`details.problem` with reason `unreadable_file`;
 * api/src/imports/unreadable.ts, and a counter file's api/src/footfall/footfall-parse.ts).
 */
export const FILE_PROBLEMS = [
  'no_header',
  'no_rows',
  'no_time_column',
  'no_count_column',
  'two_count_columns',
  'too_many_rows',
  'too_many_columns',
  'nul_character',
  'not_csv',
  'not_xlsx',
  'no_sheet',
  'not_json',
  'not_feature_collection',
  'unsupported_crs',
  'workbook_too_large',
  'empty_upload',
] as const;
type FileProblem = (typeof FILE_PROBLEMS)[number];

/** Other refusals of the import, by `details.reason` (api/src/imports/imports.service.ts). */
export const IMPORT_REFUSALS = [
  'mapping_missing',
  'no_address_column',
  'unknown_value_mapping',
  'unknown_column',
  'rows_rejected',
] as const;
type ImportRefusal = (typeof IMPORT_REFUSALS)[number];

/**
 * The i18n key that explains an API error to the user, by its code and, where the API gives one, its
 * reason (the API's English message is only passed on where it carries a technical detail, e.g. why a
 * drawn perimeter is not a valid area).
 */
export type ErrorMessageKey =
  | 'errors.unauthenticated'
  | 'errors.forbidden'
  | 'errors.csrf'
  | 'errors.tooManyRequests'
  | 'errors.downloadsBusy'
  | 'errors.workbooksBusy'
  | 'errors.validation'
  | `errors.file.${FileProblem}`
  | `errors.import.${ImportRefusal}`
  | 'errors.footfall.no_valid_rows'
  | 'errors.footfall.counter_elsewhere'
  | 'errors.footfall.location_name_taken'
  | `errors.period.${PeriodReason}`
  | 'errors.outsideTown'
  | 'errors.outsideTownSwapped'
  | 'errors.historyConflict'
  | 'errors.invalidGeometry'
  | 'errors.constraint'
  | 'errors.ownAdminRights'
  | 'errors.lastAdmin'
  | 'errors.inIntervention'
  | 'errors.adminOnly'
  | 'errors.passwordChangeRequired'
  | 'errors.payloadTooLarge'
  | 'errors.exportTooLarge'
  | 'errors.exportHistoryTooLarge'
  | 'errors.notFound'
  | 'errors.conflict'
  | 'errors.duplicate'
  | 'errors.duplicateReference'
  | 'errors.duplicateAgs'
  | 'errors.duplicateEmail'
  | 'errors.concurrentWrite'
  | 'errors.unavailable'
  | 'errors.queryTimeout'
  | 'errors.generic';

const detail = (error: { details?: unknown }, key: string): unknown =>
  error.details && typeof error.details === 'object'
    ? (error.details as Record<string, unknown>)[key]
    : undefined;

/** The API refused because the user's password is a temporary one (the password form comes first). */
export function isPasswordChangeRequired(error: unknown): boolean {
  return isApiError(error, 'FORBIDDEN') && detail(error, 'reason') === 'password_change_required';
}

/**
 * A point [lon, lat] that lies in Germany with its two values exchanged (latitude 47–56° N, longitude
 * 5–16° E): typed into the wrong fields, or copied from a map app that writes latitude first.
 */
function looksSwapped(coordinates: unknown): boolean {
  if (!Array.isArray(coordinates) || coordinates.length !== 2) return false;
  const [lon, lat] = coordinates as unknown[];
  return (
    typeof lon === 'number' && typeof lat === 'number' && lon >= 47 && lon <= 56 && lat >= 5 && lat <= 16
  );
}

export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!isApiError(error)) return 'errors.generic';
  if (isCsrfError(error)) return 'errors.csrf';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'errors.unauthenticated';
    case 'FORBIDDEN':
      if (isPasswordChangeRequired(error)) return 'errors.passwordChangeRequired';
      return detail(error, 'reason') === 'admin_only' ? 'errors.adminOnly' : 'errors.forbidden';
    case 'TOO_MANY_REQUESTS':
      // the sign-in throttle, every download slot taken (api/src/exports/exports.controller.ts) or every
      // slot for reading uploaded workbooks (api/src/imports/import-file.ts)
      switch (detail(error, 'reason')) {
        case 'downloads_busy':
          return 'errors.downloadsBusy';
        case 'workbooks_busy':
          return 'errors.workbooksBusy';
        default:
          return 'errors.tooManyRequests';
      }
    case 'INVALID_PERIOD': {
      const reason = detail(error, 'reason');
      return (PERIOD_REASONS as readonly unknown[]).includes(reason)
        ? `errors.period.${reason as PeriodReason}`
        : 'errors.validation';
    }
    case 'OUTSIDE_TOWN':
      return looksSwapped(detail(error, 'coordinates')) ? 'errors.outsideTownSwapped' : 'errors.outsideTown';
    case 'HISTORY_GAP':
    case 'OVERLAPPING_PERIODS':
      return 'errors.historyConflict';
    case 'INVALID_GEOMETRY':
      return 'errors.invalidGeometry';
    case 'CONSTRAINT_VIOLATED':
      switch (detail(error, 'reason')) {
        case 'own_admin_rights':
          return 'errors.ownAdminRights';
        case 'last_admin':
          return 'errors.lastAdmin';
        case 'in_intervention':
          return 'errors.inIntervention';
        default:
          return 'errors.constraint';
      }
    case 'PAYLOAD_TOO_LARGE':
      return 'errors.payloadTooLarge';
    case 'EXPORT_TOO_LARGE':
      // `details.sheet`: the workbook's sheet that would be too long (api/src/exports/exports.service.ts)
      return detail(error, 'sheet') === 'Occupancy history'
        ? 'errors.exportHistoryTooLarge'
        : 'errors.exportTooLarge';
    case 'VALIDATION_FAILED': {
      const reason = detail(error, 'reason');
      const problem = reason === 'empty_upload' ? reason : detail(error, 'problem');
      if (
        (reason === 'unreadable_file' || reason === 'empty_upload') &&
        FILE_PROBLEMS.includes(problem as FileProblem)
      )
        return `errors.file.${problem as FileProblem}`;
      if (IMPORT_REFUSALS.includes(reason as ImportRefusal))
        return `errors.import.${reason as ImportRefusal}`;
      // a counter file without a line to store; the form lists `details.rejected` (api/src/footfall)
      if (reason === 'no_valid_rows') return 'errors.footfall.no_valid_rows';
      return 'errors.validation';
    }
    case 'NOT_FOUND':
      return 'errors.notFound';
    case 'VERSION_CONFLICT':
      return 'errors.conflict';
    case 'DUPLICATE':
      // a counting location's name given with another position (api/src/footfall/footfall.service.ts)
      if (detail(error, 'reason') === 'counter_elsewhere') return 'errors.footfall.counter_elsewhere';
      // a counting location renamed to another's name (api/src/footfall/footfall.service.ts)
      if (detail(error, 'reason') === 'location_name_taken') return 'errors.footfall.location_name_taken';
      switch (detail(error, 'constraint')) {
        case 'storefronts_reference_unique':
          return 'errors.duplicateReference';
        case 'cities_ags_key':
          return 'errors.duplicateAgs';
        case 'users_email_unique':
          return 'errors.duplicateEmail';
        default:
          return 'errors.duplicate';
      }
    case 'CONCURRENT_WRITE':
      return 'errors.concurrentWrite';
    case 'DATABASE_UNAVAILABLE':
      return 'errors.unavailable';
    case 'QUERY_TIMEOUT':
      return 'errors.queryTimeout';
    default:
      return 'errors.generic';
  }
}

/**
 * The values the messages interpolate: the API's message (for the few keys that pass it on) and the
 * dates the API names, formatted for the UI language.
 */
export function errorMessageValues(error: Error): Record<string, string> {
  const values: Record<string, string> = { message: error.message };
  for (const key of ['currentSince', 'validFrom', 'validTo']) {
    const value = detail(error as { details?: unknown }, key);
    if (typeof value === 'string') values[key] = formatDate(value);
  }
  for (const key of ['limit', 'rows']) {
    const value = detail(error as { details?: unknown }, key);
    if (typeof value === 'number') values[key] = formatNumber(value);
  }
  const interventions = detail(error as { details?: unknown }, 'interventions'); // a unit kept by them
  if (Array.isArray(interventions)) {
    values['interventions'] = interventions
      .map((i: { title?: unknown }) => `„${String(i.title)}“`)
      .join(', ');
  }
  // the headers a mapping names that the uploaded file does not have
  const columns = detail(error as { details?: unknown }, 'columns');
  if (Array.isArray(columns)) values['columns'] = columns.map((c) => `„${String(c)}“`).join(', ');
  const crs = detail(error as { details?: unknown }, 'crs'); // a file's unsupported coordinate system
  if (typeof crs === 'string') values['crs'] = crs;
  // a counting location stored elsewhere: its name, stored position and distance
  const location = detail(error as { details?: unknown }, 'location');
  if (typeof location === 'string') values['location'] = location;
  const distance = detail(error as { details?: unknown }, 'distanceM');
  if (typeof distance === 'number') values['distance'] = formatNumber(distance);
  const stored = detail(error as { details?: unknown }, 'storedCoordinates');
  if (Array.isArray(stored) && stored.length === 2 && stored.every((c) => typeof c === 'number')) {
    values['lon'] = formatNumber(stored[0] as number, 5);
    values['lat'] = formatNumber(stored[1] as number, 5);
  }
  const rejected = (detail(error as { details?: unknown }, 'summary') as { rejected?: unknown } | undefined)
    ?.rejected;
  if (typeof rejected === 'number') values['count'] = formatNumber(rejected);
  return values;
}

/**
 * The version of the record as now stored, from a 409 VERSION_CONFLICT (`details.current.version`, or
 * `details.current.storefront.version` where the answer carries the unit with its history).
 */
export function currentVersion(error: unknown): number | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const current = detail(error, 'current') as
    { version?: unknown; storefront?: { version?: unknown } } | undefined;
  const version = current?.version ?? current?.storefront?.version;
  return typeof version === 'number' ? version : null;
}

/** The form label (i18n key) of a field the API names in `details.fields`; the first part of a path counts. */
const FIELD_LABELS: Record<string, string> = {
  street: 'form.street',
  houseNumber: 'form.houseNumber',
  postcode: 'form.postcode',
  floorAreaM2: 'form.floorArea',
  frontageM: 'form.frontage',
  floor: 'form.floor',
  notes: 'form.notes',
  location: 'form.position',
  initialStatus: 'form.initialStatus',
  status: 'form.status',
  date: 'form.date',
  validFrom: 'form.date',
  useCategory: 'form.category',
  businessName: 'form.business',
  note: 'form.note',
  title: 'form.title',
  type: 'form.type',
  state: 'form.state',
  startDate: 'form.startDate',
  endDate: 'form.endDate',
  budgetEur: 'form.budget',
  description: 'form.description',
  ownerName: 'contact.ownerName',
  ownerPhone: 'contact.ownerPhone',
  ownerEmail: 'contact.ownerEmail',
  askingRentEurMonth: 'contact.askingRent',
  checkedOn: 'outcome.checkedOn',
  columns: 'import.columnsLabel',
  referenceDate: 'import.options.referenceDate',
  validTo: 'form.date',
};

/** The rules of the API's validation the dashboard explains (`details.fields[].rules`, api/src/common/validation.ts). */
export const EXPLAINED_RULES = [
  'min',
  'max',
  'notAfterToday',
  'isCalendarDate',
  'isNotEmpty',
  'isEmail',
  'maxLength',
] as const;
export type ExplainedRule = (typeof EXPLAINED_RULES)[number];

export interface InvalidField {
  /** i18n key of the form's label; null: the API's field name is all there is. */
  key: string | null;
  field: string;
  /** What the field broke, for a sentence like „Budget (mindestens 0)“. */
  rules: { rule: ExplainedRule; limit?: number }[];
}

/**
 * The labels of the fields a 400 VALIDATION_FAILED names (deduplicated, in order), as i18n keys where
 * the form has one and as the API's field name otherwise, with the rules each broke that the dashboard
 * can explain; empty for other errors.
 */
export function invalidFieldLabels(error: unknown): InvalidField[] {
  if (!isApiError(error, 'VALIDATION_FAILED')) return [];
  const fields = (error.details as { fields?: { field?: unknown; rules?: unknown }[] } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  const byId = new Map<string, InvalidField>();
  for (const f of fields) {
    if (typeof f?.field !== 'string') continue;
    const top = f.field.split('.')[0]!;
    const key = FIELD_LABELS[f.field] ?? FIELD_LABELS[top] ?? null;
    const id = key ?? top;
    const entry = byId.get(id) ?? { key, field: top, rules: [] };
    byId.set(id, entry);
    for (const r of Array.isArray(f.rules) ? (f.rules as { rule?: unknown; limit?: unknown }[]) : []) {
      const rule = r?.rule as ExplainedRule;
      if (!EXPLAINED_RULES.includes(rule) || entry.rules.some((known) => known.rule === rule)) continue;
      entry.rules.push(typeof r.limit === 'number' ? { rule, limit: r.limit } : { rule });
    }
  }
  return [...byId.values()];
}
