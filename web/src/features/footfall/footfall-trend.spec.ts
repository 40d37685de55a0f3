import { describe, expect, it } from 'vitest';
import type { FootfallWeek } from './api/footfall-api';
import { hasFootfallChange, needsDots, similarLocation, trendPoints } from './footfall-trend';

const week = (weekStart: string, yearOnYear: number | null): FootfallWeek => ({
  locationCount: 1,
  isoYear: 2026,
  isoWeek: 1,
  weekStart,
  meanDailyCount: 100,
  completeDays: 7,
  comparableDays: 7,
  yearOnYear,
});

describe('trendPoints', () => {
  it('puts weeks and months on one sorted axis and shares a point on the same day', () => {
    const points = trendPoints({
      weeks: [week('2026-06-08', -0.05), week('2026-06-01', 0.1)],
      vacancy: [
        { month: '2026-06-01', vacancyRate: 0.12 },
        { month: '2026-05-01', vacancyRate: 0.13 },
      ],
    });
    expect(points.map((p) => [p.day, p.footfallChange, p.vacancyRate])).toEqual([
      ['2026-05-01', null, 0.13],
      ['2026-06-01', 0.1, 0.12],
      ['2026-06-08', -0.05, null],
    ]);
    expect(points[0]!.time).toBe(Date.UTC(2026, 4, 1));
  });

  it('is empty without data', () => {
    expect(trendPoints({ weeks: [], vacancy: [] })).toEqual([]);
  });
});

describe('hasFootfallChange', () => {
  it('needs one week with a comparison', () => {
    expect(hasFootfallChange({ weeks: [week('2026-06-01', null)] })).toBe(false);
    expect(hasFootfallChange({ weeks: [week('2026-06-01', null), week('2026-06-08', 0)] })).toBe(true);
  });
});

describe('needsDots', () => {
  it('marks the values of a line with few of them, so that a single week is seen', () => {
    expect(needsDots([null, null, -0.114, null])).toBe(true);
    expect(needsDots(Array.from({ length: 12 }, (_, i) => i / 100))).toBe(true);
    expect(needsDots(Array.from({ length: 52 }, (_, i) => i / 100))).toBe(false);
  });
});

describe('similarLocation', () => {
  it('finds the stored counter a name differs from only in spaces, case or punctuation', () => {
    const known = ['Steinweg / Markt', 'Bahnhofstraße'];
    expect(similarLocation('Steinweg/Markt', known)).toBe('Steinweg / Markt');
    expect(similarLocation('steinweg - markt ', known)).toBe('Steinweg / Markt');
    expect(similarLocation('Steinweg / Markt', known)).toBeNull(); // that one itself
    expect(similarLocation('Marktplatz', known)).toBeNull(); // a new counter
    expect(similarLocation('', known)).toBeNull();
  });
});
