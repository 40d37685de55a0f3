import { describe, expect, it } from 'vitest';
import type { KpiSeries, TownKpis } from './api/kpis-api';
import { axisLabelLines, seriesPoints } from './series-points';

const bucket = (end: string, vacancyRate: number) => ({
  start: `${end.slice(0, 4)}-01-01`,
  end,
  vacancyRate,
});
const series = {
  towns: [
    {
      cityId: 'a',
      buckets: [bucket('2023-12-31', 0.1), bucket('2024-12-31', 0.12), bucket('2025-12-31', 0.2)],
    },
    {
      cityId: 'b',
      buckets: [bucket('2023-12-31', 0.05), bucket('2024-12-31', 0.06), bucket('2025-12-31', 0.3)],
    },
  ],
} as unknown as KpiSeries;
const onDate = [
  { cityId: 'a', vacancyRate: 0.14 },
  { cityId: 'b', vacancyRate: 0.07 },
] as unknown as TownKpis[];
const label = (iso: string): string => `on ${iso}`;

describe('seriesPoints', () => {
  it('ends on the reference date with the table’s values, not on 31 December after it', () => {
    const points = seriesPoints(series, 'vacancyRate', '2025-06-30', onDate, label);
    expect(points.map((p) => [p.label, p.isAsOf, p.values.get('a'), p.values.get('b')])).toEqual([
      ['2023', false, 0.1, 0.05],
      ['2024', false, 0.12, 0.06],
      ['on 2025-06-30', true, 0.14, 0.07],
    ]);
  });

  it('on 31 December the year end itself is the reference date, once', () => {
    const points = seriesPoints(series, 'vacancyRate', '2025-12-31', onDate, label);
    expect(points.map((p) => p.label)).toEqual(['2023', '2024', 'on 2025-12-31']);
    expect(points.at(-1)!.values.get('a')).toBe(0.14);
  });

  it('ends a flow with the last full year (or on the date when it is 31 December): no half year twice', () => {
    const flowBucket = (end: string, openings: number) => ({ end, flows: { openings } });
    const flows = {
      towns: [
        {
          cityId: 'a',
          buckets: [flowBucket('2023-12-31', 4), flowBucket('2024-12-31', 6), flowBucket('2025-12-31', 9)],
        },
      ],
    } as unknown as KpiSeries;
    const trailing = [{ cityId: 'a', flows: { openings: 7 } }] as unknown as TownKpis[];
    const midYear = seriesPoints(flows, 'openings', '2025-06-30', trailing, label);
    expect(midYear.map((p) => [p.label, p.values.get('a')])).toEqual([
      ['2023', 4],
      ['2024', 6],
    ]);
    const yearEnd = seriesPoints(flows, 'openings', '2025-12-31', trailing, label);
    expect(yearEnd.map((p) => [p.label, p.isAsOf, p.values.get('a')])).toEqual([
      ['2023', false, 4],
      ['2024', false, 6],
      ['2025', false, 9],
    ]);
  });

  it('leaves a town without a value on the date empty', () => {
    const points = seriesPoints(series, 'vacancyRate', '2025-06-30', onDate.slice(0, 1), label);
    expect(points.at(-1)!.values.get('b')).toBeNull();
  });
});

describe('axisLabelLines', () => {
  it('keeps a year on one line and puts the reference date’s day under its year', () => {
    expect(axisLabelLines('2024')).toEqual(['2024', null]);
    expect(axisLabelLines('07.12.2026')).toEqual(['2026', '07.12.']);
    expect(axisLabelLines('Dec 7, 2026')).toEqual(['2026', 'Dec 7']);
    expect(axisLabelLines('–')).toEqual(['–', null]);
  });
});
