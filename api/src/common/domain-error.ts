/**
 * Every error the API answers with, by code. The HTTP status of each code is decided in one
 * exhaustive switch (http-status.ts), so a new code that nobody mapped does not compile. The list
 * is also the `code` enum of the OpenAPI document's ApiErrorBody.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'INVALID_GEOMETRY',
  'OUTSIDE_TOWN',
  'INVALID_PERIOD',
  'HISTORY_GAP',
  'CONSTRAINT_VIOLATED',
  'EXPORT_TOO_LARGE',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'OVERLAPPING_PERIODS',
  'DUPLICATE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'HEADERS_TOO_LARGE',
  'CONCURRENT_WRITE',
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${id} was not found.`, { id });

export const versionConflict = (what: string, current: unknown): DomainError =>
  new DomainError(
    'VERSION_CONFLICT',
    `Someone else changed this ${what} in the meantime. Review the current values and save again.`,
    { current },
  );
