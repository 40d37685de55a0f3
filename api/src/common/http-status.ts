import type { ErrorCode } from './domain-error.js';

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'INVALID_GEOMETRY':
    case 'OUTSIDE_TOWN':
    case 'INVALID_PERIOD':
    case 'HISTORY_GAP':
    case 'CONSTRAINT_VIOLATED':
    case 'EXPORT_TOO_LARGE':
      return 422;
    case 'NOT_FOUND':
      return 404;
    case 'VERSION_CONFLICT':
    case 'OVERLAPPING_PERIODS':
    case 'DUPLICATE':
    case 'CONCURRENT_WRITE':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'HEADERS_TOO_LARGE':
      return 431;
    case 'DATABASE_UNAVAILABLE':
      return 503;
    case 'QUERY_TIMEOUT':
      // The database gave up on the request (its statement limit); like the report renderer's timeout.
      return 504;
    case 'INTERNAL':
      return 500;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped error code ${String(unmapped)}`);
    }
  }
}
