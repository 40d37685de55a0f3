import { describe, expect, it } from 'vitest';
import { matchesClientFilter, outcomeOf } from './outcome';

const check = (regularLeaseSigned: boolean | null) => ({
  monthsAfterEnd: 12 as const,
  checkedOn: null,
  regularLeaseSigned,
  businessStillTrading: null,
  note: null,
});

describe('knowledge base filters', () => {
  it('reads the 12-month outcome check', () => {
    expect(outcomeOf({ outcomeChecks: [check(true)] })).toBe('lease');
    expect(outcomeOf({ outcomeChecks: [check(false)] })).toBe('noLease');
    expect(outcomeOf({ outcomeChecks: [check(null)] })).toBe('unknown');
    expect(outcomeOf({ outcomeChecks: [] })).toBe('unknown');
  });

  it('filters by outcome and by maximum cost (unknown cost never matches a cost limit)', () => {
    const i = { outcomeChecks: [check(true)], budgetEur: 5000 };
    expect(matchesClientFilter(i, { outcome: 'lease', maxCost: 5000 })).toBe(true);
    expect(matchesClientFilter(i, { outcome: 'noLease', maxCost: undefined })).toBe(false);
    expect(matchesClientFilter(i, { outcome: undefined, maxCost: 4999 })).toBe(false);
    expect(matchesClientFilter({ ...i, budgetEur: null }, { outcome: undefined, maxCost: 10000 })).toBe(
      false,
    );
  });
});
