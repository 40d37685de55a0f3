import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { errorMessageKey, invalidFieldLabels } from './error-message';

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

describe('invalidFieldLabels', () => {
  it('names the invalid fields by their form labels, once each, in the order given', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some values are not valid — floorAreaM2: …', {
      fields: [
        { field: 'floorAreaM2', problems: ['floorAreaM2 must not be greater than 100000'] },
        { field: 'location.coordinates', problems: ['…'] },
        { field: 'floorAreaM2', problems: ['…'] },
        { field: 'colour', problems: ['property colour should not exist'] },
      ],
    });
    expect(invalidFieldLabels(error)).toEqual([
      { key: 'form.floorArea', field: 'floorAreaM2' },
      { key: 'form.position', field: 'location' },
      { key: null, field: 'colour' },
    ]);
  });

  it('is empty for other errors and for answers without fields', () => {
    expect(invalidFieldLabels(new ApiError(409, 'VERSION_CONFLICT', 'x'))).toEqual([]);
    expect(invalidFieldLabels(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toEqual([]);
  });
});
