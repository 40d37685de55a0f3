import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { rejectedLinesOf } from './rejected-lines';

const negative = {
  line: 2,
  text: '2025-03-03 08:00;-5',
  column: 'Passanten',
  value: '-5',
  problem: 'invalid_count',
  params: {},
  reason: 'The count is not a whole number ≥ 0.',
};

describe('rejectedLinesOf', () => {
  it('lists the lines of a counter file of which none could be stored', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'None of the file’s 1 rows …', {
      reason: 'no_valid_rows',
      rejected: [negative, { line: 'x' }],
      repaired: [],
    });
    expect(rejectedLinesOf(error)).toEqual([negative]);
  });

  it('lists nothing for other errors', () => {
    expect(
      rejectedLinesOf(new ApiError(400, 'VALIDATION_FAILED', 'x', { reason: 'unreadable_file' })),
    ).toEqual([]);
    expect(rejectedLinesOf(new ApiError(422, 'OUTSIDE_TOWN', 'x', { rejected: [negative] }))).toEqual([]);
    expect(rejectedLinesOf(new Error('network down'))).toEqual([]);
  });
});
