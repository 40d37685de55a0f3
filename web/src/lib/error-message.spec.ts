import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { errorMessageKey } from './error-message';

describe('errorMessageKey', () => {
  it('tells missing rights from an expired form', () => {
    expect(errorMessageKey(new ApiError(403, 'FORBIDDEN', 'no'))).toBe('errors.forbidden');
    expect(errorMessageKey(new ApiError(403, 'FORBIDDEN', 'no', { reason: 'csrf' }))).toBe('errors.csrf');
  });

  it('maps sign-in, throttling and validation codes', () => {
    expect(errorMessageKey(new ApiError(401, 'UNAUTHENTICATED', 'x'))).toBe('errors.unauthenticated');
    expect(errorMessageKey(new ApiError(429, 'TOO_MANY_REQUESTS', 'x'))).toBe('errors.tooManyRequests');
    expect(errorMessageKey(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBe('errors.validation');
  });

  it('asks to retry when the database cancelled a concurrent write', () => {
    expect(errorMessageKey(new ApiError(409, 'CONCURRENT_WRITE', 'x'))).toBe('errors.concurrentWrite');
  });

  it('falls back to a generic message for anything else', () => {
    expect(errorMessageKey(new Error('network down'))).toBe('errors.generic');
    expect(errorMessageKey(new ApiError(500, 'INTERNAL', 'x'))).toBe('errors.generic');
  });
});
