import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { ApiErrorBody } from './api-error.body.js';

/** The 4xx statuses an operation can answer (http-status.ts maps each error code to one of them). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

/** What each status means, in the words of docs/api.md; an operation may say it more precisely. */
const MEANING: Record<ErrorStatus, string> = {
  400: 'The request is not valid (VALIDATION_FAILED): a value is missing, unknown, of the wrong type or out of range; `details.fields` names them.',
  401: 'Not signed in, or the session has expired (UNAUTHENTICATED).',
  403: 'Signed in, but without the right for this town or action (FORBIDDEN); for a write also a missing or stale X-CSRF-Token.',
  404: 'There is no such record (NOT_FOUND); a malformed id is answered the same way.',
  409: 'The change conflicts with what is stored: someone else saved first (VERSION_CONFLICT, `details.current` is the current record), a duplicate (DUPLICATE), overlapping periods (OVERLAPPING_PERIODS), or another write to the same town at the same moment (CONCURRENT_WRITE: nothing was saved, try again).',
  413: 'The request body is too large (PAYLOAD_TOO_LARGE): JSON over 5 MB.',
  422: 'The values are well-formed but not allowed together (INVALID_GEOMETRY, OUTSIDE_TOWN, INVALID_PERIOD, HISTORY_GAP or CONSTRAINT_VIOLATED).',
  429: 'Too many failed sign-ins (TOO_MANY_REQUESTS): wait 15 minutes.',
};

/** A status with the generic meaning, or with what it means for this operation. */
export type DocumentedError = ErrorStatus | readonly [ErrorStatus, string];

/**
 * The error answers of an operation, each `{ code, message, details }` (ApiErrorBody) as JSON, also
 * where the success is a file. Only the statuses the operation can really answer: the guard's
 * 401/403 follow the route's access rule (the authorisation matrix test checks them against the
 * document), 404/409/422 what its service throws. 500 and 503 can happen anywhere and are described
 * once, in the document's description.
 */
export function ApiErrors(...errors: DocumentedError[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ApiErrorBody),
    ...errors.map((error) => {
      const [status, description] = typeof error === 'number' ? [error, MEANING[error]] : error;
      return ApiResponse({
        status,
        description,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorBody) } } },
      });
    }),
  );
}
