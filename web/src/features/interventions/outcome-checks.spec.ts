import { describe, expect, it } from 'vitest';
import { checkDateProblem, checkSlots, preselectedCheck } from './outcome-checks';

// The reviewer's case: a pop-up store ended on 10.01.2026, the form opened on 07.12.2026.
const slots = checkSlots('2026-01-10', '2026-12-07');

describe('checkSlots', () => {
  it('opens a check a month before it is due, not earlier', () => {
    expect(slots).toEqual([
      { months: 6, dueFrom: '2026-06-10', open: true },
      { months: 12, dueFrom: '2026-12-10', open: false },
      { months: 24, dueFrom: '2027-12-10', open: false },
    ]);
    expect(checkSlots('2026-01-10', '2026-12-10')[1]!.open).toBe(true);
  });
});

describe('preselectedCheck', () => {
  it('opens with the latest check that may be dated, not with one not yet due', () => {
    expect(preselectedCheck(slots, [])).toBe(6);
    expect(preselectedCheck(checkSlots('2025-01-10', '2026-12-07'), [])).toBe(12);
  });

  it('leaves the 24-month check to be chosen by hand', () => {
    expect(preselectedCheck(checkSlots('2024-06-30', '2026-12-07'), [6, 12])).toBe(12);
  });

  it('offers none while no check is due, unless one is already recorded', () => {
    const justEnded = checkSlots('2026-11-30', '2026-12-07');
    expect(preselectedCheck(justEnded, [])).toBeNull();
    expect(preselectedCheck(justEnded, [12])).toBe(12);
  });
});

describe('checkDateProblem', () => {
  it('names a date before the check may be dated and one after today', () => {
    expect(checkDateProblem('2026-06-09', '2026-06-10', '2026-12-07')).toBe('beforeDue');
    expect(checkDateProblem('2026-12-08', '2026-06-10', '2026-12-07')).toBe('afterToday');
    expect(checkDateProblem('2026-06-10', '2026-06-10', '2026-12-07')).toBeNull();
    expect(checkDateProblem('', '2026-06-10', '2026-12-07')).toBeNull();
  });
});
