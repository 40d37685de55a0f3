import { describe, expect, it } from 'vitest';
import { completeDate } from './as-of-date';

describe('completeDate', () => {
  const min = '2015-01-01';
  const max = '2026-05-01';

  it('ignores the partial years a typed year passes through', () => {
    expect(completeDate('0002-05-01', min, max)).toBeNull();
    expect(completeDate('0020-05-01', min, max)).toBeNull();
    expect(completeDate('0202-05-01', min, max)).toBeNull();
    expect(completeDate('2024-05-01', min, max)).toBe('2024-05-01');
  });

  it('accepts the bounds and refuses dates outside them or invalid ones', () => {
    expect(completeDate(min, min, max)).toBe(min);
    expect(completeDate(max, min, max)).toBe(max);
    expect(completeDate('2014-12-31', min, max)).toBeNull();
    expect(completeDate('2026-05-02', min, max)).toBeNull();
    expect(completeDate('2024-02-30', min, max)).toBeNull();
    expect(completeDate('', min, max)).toBeNull();
  });
});
