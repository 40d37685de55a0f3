import { nice, ticks } from 'd3-array';

/**
 * A value axis with round gridlines — steps of 1, 2 or 5 × 10ⁿ, so 0 / 5 / 10 / 15 / 20 / 25 % rather
 * than the 0 / 5,5 / 11 / 16,5 / 22 % Recharts derives from the largest value — from zero (or the
 * lowest negative value) to the first round number at or past the highest. d3-array's `nice` and
 * `ticks` (the steps of d3's scales). Empty or all-zero values give the axis 0 to 1.
 */
export function niceAxis(
  values: readonly (number | null | undefined)[],
  count = 5,
): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const [from, to] = nice(low, high === low ? low + 1 : high, count);
  return { domain: [from, to], ticks: ticks(from, to, count) };
}
