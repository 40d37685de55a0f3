import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateForYear,
  isIsoDate,
  lastQuarterEnd,
  monthsBetween,
  outcomeCheckDueFrom,
  todayIso,
  yearRange,
} from './dates';

describe('dates', () => {
  it('adds months, keeping the day or taking the month’s last', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('lets an outcome check be dated from a month before it is due', () => {
    expect(outcomeCheckDueFrom('2025-06-30', 12)).toBe('2026-05-30');
    expect(outcomeCheckDueFrom('2025-06-30', 6)).toBe('2025-11-30');
  });

  it('finds the last quarter end on or before a day (the network report’s usual date)', () => {
    expect(lastQuarterEnd('2026-12-07')).toBe('2026-09-30');
    expect(lastQuarterEnd('2026-01-15')).toBe('2025-12-31');
    expect(lastQuarterEnd('2026-04-01')).toBe('2026-03-31');
    expect(lastQuarterEnd('2026-06-29')).toBe('2026-03-31');
    expect(lastQuarterEnd('2026-06-30')).toBe('2026-06-30'); // a quarter end itself
    expect(lastQuarterEnd('2026-12-31')).toBe('2026-12-31');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('takes today in Germany, not in UTC', () => {
    expect(todayIso(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayIso(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
  });

  it('maps a year to its last day, and the current year to today', () => {
    expect(dateForYear(2019, '2026-03-05')).toBe('2019-12-31');
    expect(dateForYear(2026, '2026-03-05')).toBe('2026-03-05');
    expect(dateForYear(2030, '2026-03-05')).toBe('2026-03-05');
  });

  it('counts whole months', () => {
    expect(monthsBetween('2023-06-01', '2024-06-01')).toBe(12);
    expect(monthsBetween('2023-06-15', '2024-06-14')).toBe(11);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(0);
    expect(monthsBetween('2024-06-01', '2024-01-01')).toBe(-5);
  });

  it('lists the years up to today', () => {
    expect(yearRange(2022, '2024-05-01')).toEqual([2022, 2023, 2024]);
    expect(yearRange(2030, '2024-05-01')).toEqual([2024]);
  });
});
