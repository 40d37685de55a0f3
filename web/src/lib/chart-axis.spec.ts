import { describe, expect, it } from 'vitest';
import { niceAxis } from './chart-axis';

describe('niceAxis', () => {
  it('puts gridlines on round shares from zero to just past the highest value', () => {
    // Recharts' own ticks for a highest value of 22 %: 0, 5.5, 11, 16.5, 22 %
    const axis = niceAxis([0.03, 0.22, null, 0.11]);
    expect(axis.domain).toEqual([0, 0.25]);
    expect(axis.ticks.map((v) => Math.round(v * 1000) / 10)).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it('rounds counts and days the same way, and reaches below zero for negative values', () => {
    expect(niceAxis([1003, 410])).toEqual({ domain: [0, 1200], ticks: [0, 200, 400, 600, 800, 1000, 1200] });
    expect(niceAxis([-7, 12])).toEqual({ domain: [-10, 15], ticks: [-10, -5, 0, 5, 10, 15] });
  });

  it('gives an axis of 0 to 1 when there is nothing to show', () => {
    expect(niceAxis([]).domain).toEqual([0, 1]);
    expect(niceAxis([0, 0, null]).domain).toEqual([0, 1]);
  });
});
