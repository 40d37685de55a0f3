import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatKpi,
  formatReportDate,
  formatShortDate,
  quarterLabel,
  formatArea,
  formatEuro,
  formatWholeEuro,
  previousYear,
  scaleBarLength,
  seriesStart,
  medianVacancyPoints,
  vacancyPoints,
} from './report-format';

/** Intl separates numbers and units with a no-break space; compare with plain spaces. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('report formatting', () => {
  it('writes shares as percent with one decimal, German first', () => {
    expect(plain(formatKpi('share', 0.12345, 'de'))).toBe('12,3 %');
    expect(formatKpi('share', 0.12345, 'en')).toBe('12.3%');
    expect(plain(formatKpi('share', 0.11, 'de'))).toBe('11,0 %'); // a column of shares keeps its decimal
    expect(formatKpi('share', null, 'de')).toBe('–');
    expect(formatKpi('count', 1234, 'de')).toBe('1.234');
    expect(formatKpi('per1000', 0.6449, 'de')).toBe('0,64'); // as the dashboard (one decimal said 0,6)
    expect(formatKpi('per1000', 0.5, 'de')).toBe('0,50'); // two decimals always, beside „0,68“
    expect(formatKpi('per1000', 1, 'en')).toBe('1.00');
    expect(formatKpi('days', 412.5, 'de')).toBe('413');
    expect(formatKpi('count', -8, 'de')).toBe('−8'); // a net change: U+2212 like the change column, not a hyphen
  });

  it('writes changes of shares in percentage points and of counts as signed differences', () => {
    expect(formatChange('share', 0.15, 0.123, 'de')).toBe('+2,7 Pp.');
    expect(formatChange('share', 0.1, 0.125, 'en')).toBe('−2.5 pp'); // U+2212, not a hyphen
    expect(formatChange('share', 0.1, 0.1, 'de')).toBe('±0 Pp.');
    expect(formatChange('count', 40, 43, 'de')).toBe('−3');
    expect(formatChange('count', 43, 40, 'de')).toBe('+3');
    expect(formatChange('share', 0.1, null, 'de')).toBe('–');
  });

  it('computes a change from the values as printed, so that the row adds up', () => {
    // 13,4 % and 10,1 % printed: +3,3 Pp. (the unrounded difference, 3,2 Pp., did not add up)
    expect(plain(formatKpi('share', 0.13351, 'de'))).toBe('13,4 %');
    expect(plain(formatKpi('share', 0.10149, 'de'))).toBe('10,1 %');
    expect(formatChange('share', 0.13351, 0.10149, 'de')).toBe('+3,3 Pp.');
    // 0,64 and 0,45 per 1,000 inhabitants printed: +0,19 (the unrounded 0,6449 − 0,4451 is 0,1998)
    expect(formatChange('per1000', 0.6449, 0.4451, 'de')).toBe('+0,19');
    expect(formatChange('days', 100.4, 99.6, 'de')).toBe('±0');
  });

  it('writes dates, areas and money the way a German council reads them', () => {
    expect(formatReportDate('2025-06-30', 'de')).toBe('30. Juni 2025');
    expect(formatReportDate('2025-06-30', 'en')).toBe('30 June 2025');
    expect(formatShortDate('2024-03-01', 'de')).toBe('01.03.2024');
    expect(formatShortDate('2024-03-01', 'en')).toBe('1 Mar 2024');
    expect(plain(formatArea(1234.5, 'de'))).toBe('1.235 m²');
    expect(plain(formatEuro(12500, 'de'))).toBe('12.500 €');
    expect(plain(formatEuro(12500.5, 'de'))).toBe('12.500,50 €'); // a budget to the cent, not 12.501 €
    expect(formatEuro(12500.5, 'en')).toBe('€12,500.50');
    expect(plain(formatWholeEuro(12500.5, 'de'))).toBe('12.501 €'); // a median cost per unit
  });

  it('takes the previous year on the same day, 29 February on the 28th', () => {
    expect(previousYear('2025-06-30')).toBe('2024-06-30');
    expect(previousYear('2024-02-29')).toBe('2023-02-28');
    expect(seriesStart('2025-06-30')).toBe('2020-01-01');
  });

  it('charts quarter ends before the date and ends with the snapshot on the date', () => {
    const buckets = [
      { end: '2025-03-31', vacancyRate: 0.1 },
      { end: '2025-06-30', vacancyRate: 0.11 },
      { end: '2025-09-30', vacancyRate: 0.12 },
    ];
    expect(vacancyPoints(buckets, '2025-06-30', 0.11)).toEqual([
      { date: '2025-03-31', value: 0.1 },
      { date: '2025-06-30', value: 0.11 },
    ]);
    expect(vacancyPoints(buckets, '2025-05-15', 0.105)).toEqual([
      { date: '2025-03-31', value: 0.1 },
      { date: '2025-05-15', value: 0.105 },
    ]);
  });

  it('the network median line: per quarter end the median of the towns with a rate, on the date the summary’s', () => {
    const towns = [
      {
        buckets: [
          { end: '2025-03-31', vacancyRate: 0.1 },
          { end: '2025-06-30', vacancyRate: 0.2 },
        ],
      },
      {
        buckets: [
          { end: '2025-03-31', vacancyRate: 0.3 },
          { end: '2025-06-30', vacancyRate: 0.4 },
        ],
      },
      {
        buckets: [
          { end: '2025-03-31', vacancyRate: null },
          { end: '2025-06-30', vacancyRate: 0.05 },
        ],
      },
    ];
    // 31.03.: (0,1 + 0,3) / 2 = 0,2, the town without units left out; 30.06. is the date: the summary's
    expect(medianVacancyPoints(towns, '2025-06-30', 0.2)).toEqual([
      { date: '2025-03-31', value: 0.2 },
      { date: '2025-06-30', value: 0.2 },
    ]);
    // a date inside a quarter: both quarter ends before it count (0,05 · 0,2 · 0,4 → 0,2)
    expect(medianVacancyPoints(towns, '2025-08-15', null)).toEqual([
      { date: '2025-03-31', value: 0.2 },
      { date: '2025-06-30', value: 0.2 },
      { date: '2025-08-15', value: null },
    ]);
    expect(medianVacancyPoints([], '2025-06-30', null)).toEqual([{ date: '2025-06-30', value: null }]);
  });

  it('labels the chart axis by quarter, and the reference date as a date', () => {
    expect(quarterLabel('2025-06-30', 'de')).toBe('Q2/2025');
    expect(quarterLabel('2024-12-31', 'en')).toBe('Q4/2024');
    expect(quarterLabel('2025-06-15', 'de')).toBe('15.06.2025');
  });

  it('picks a round scale bar near a fifth of the map width', () => {
    expect(scaleBarLength(1566)).toBe(250);
    expect(scaleBarLength(480)).toBe(100);
    expect(scaleBarLength(6000)).toBe(1000);
    expect(scaleBarLength(148000)).toBe(25000); // a network map
    expect(scaleBarLength(400000)).toBe(100000);
  });
});
