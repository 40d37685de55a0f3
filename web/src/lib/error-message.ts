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
