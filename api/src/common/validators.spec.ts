import { isCalendarDate } from './validators.js';

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2023-02-29', false],
    ['2026-04-31', false],
    ['2026-04-30', true],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false], // PostgreSQL has no year 0
    ['1899-12-31', false], // before the range of shop records
    ['1900-01-01', true],
    ['2100-12-31', true],
    ['2101-01-01', false],
    ['9999-12-31', false], // the day after it broke the KPI engine's date arithmetic
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [' 2026-01-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('agrees with the calendar on every day 29–31 of every month, 1900–2100', () => {
    for (let year = 1900; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [28, 29, 30, 31]) {
          const text = `${year}-${String(month).padStart(2, '0')}-${day}`;
          const exists = new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1;
          expect([text, isCalendarDate(text)]).toEqual([text, exists]);
        }
      }
    }
  });
});
