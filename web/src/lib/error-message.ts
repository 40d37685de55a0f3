import { isApiError, isCsrfError } from './api-client';

/**
 * The i18n key that explains an API error to the user, by its code (the API's English message is
 * only passed on where it carries the detail, e.g. which field is invalid).
 */
export type ErrorMessageKey =
  | 'errors.unauthenticated'
  | 'errors.forbidden'
  | 'errors.csrf'
  | 'errors.tooManyRequests'
  | 'errors.validation'
  | 'errors.notFound'
  | 'errors.conflict'
  | 'errors.duplicate'
  | 'errors.concurrentWrite'
  | 'errors.unavailable'
  | 'errors.generic';

export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!isApiError(error)) return 'errors.generic';
  if (isCsrfError(error)) return 'errors.csrf';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'errors.unauthenticated';
    case 'FORBIDDEN':
      return 'errors.forbidden';
    case 'TOO_MANY_REQUESTS':
      return 'errors.tooManyRequests';
    case 'VALIDATION_FAILED':
    case 'INVALID_GEOMETRY':
    case 'OUTSIDE_TOWN':
    case 'INVALID_PERIOD':
    case 'HISTORY_GAP':
    case 'OVERLAPPING_PERIODS':
    case 'CONSTRAINT_VIOLATED':
    case 'PAYLOAD_TOO_LARGE':
      return 'errors.validation';
    case 'NOT_FOUND':
      return 'errors.notFound';
    case 'VERSION_CONFLICT':
      return 'errors.conflict';
    case 'DUPLICATE':
      return 'errors.duplicate';
    case 'CONCURRENT_WRITE':
      return 'errors.concurrentWrite';
    case 'DATABASE_UNAVAILABLE':
      return 'errors.unavailable';
    default:
      return 'errors.generic';
  }
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
};

/**
 * The labels of the fields a 400 VALIDATION_FAILED names (deduplicated, in order), as i18n keys where
 * the form has one and as the API's field name otherwise; empty for other errors.
 */
export function invalidFieldLabels(error: unknown): { key: string | null; field: string }[] {
  if (!isApiError(error, 'VALIDATION_FAILED')) return [];
  const fields = (error.details as { fields?: { field?: unknown }[] } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  const seen = new Set<string>();
  const labels: { key: string | null; field: string }[] = [];
  for (const f of fields) {
    if (typeof f?.field !== 'string') continue;
    const top = f.field.split('.')[0]!;
    const key = FIELD_LABELS[f.field] ?? FIELD_LABELS[top] ?? null;
    const id = key ?? top;
    if (seen.has(id)) continue;
    seen.add(id);
    labels.push({ key, field: top });
  }
  return labels;
}
