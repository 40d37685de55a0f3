import { describe, expect, it } from 'vitest';
import { OCCUPANCY_STATUSES } from '../../lib/domain';
import { MARKER_SHAPE_REACH, markerShapePath, STATUS_SHAPES, type MarkerShape } from './marker-shapes';

/** Does the path's shape (centred on 0,0) cover the point? Polygons by ray casting, the circle by its radius. */
function covers(path: string, x: number, y: number): boolean {
  const arc = /^M(-?[\d.]+) (-?[\d.]+) A([\d.]+) /.exec(path);
  if (arc) return x * x + y * y <= Number(arc[3]) ** 2;
  const points = [...path.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/**
 * The shape as a 10 × 10 px marker sees it: the share of each pixel it covers (4 × 4 samples per
 * pixel), as a renderer's anti-aliasing would.
 */
function pixels(shape: MarkerShape): number[] {
  const size = 10;
  const path = markerShapePath(shape, 0, 0, size);
  const coverage: number[] = [];
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++)
          if (covers(path, px + (sx + 0.5) / 4 - size / 2, py + (sy + 0.5) / 4 - size / 2)) hits++;
      coverage.push(hits / 16);
    }
  return coverage;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('marker shapes', () => {
  const shapes = OCCUPANCY_STATUSES.map((s) => STATUS_SHAPES[s]);

  it('gives every status a shape of its own', () => {
    expect(shapes.every((shape) => typeof shape === 'string')).toBe(true);
    expect(new Set(shapes).size).toBe(OCCUPANCY_STATUSES.length);
    // the "problem" status gets the warning triangle, the familiar dot stays with occupied
    expect(STATUS_SHAPES.vacant).toBe('triangle');
    expect(STATUS_SHAPES.occupied).toBe('circle');
  });

  it('keeps every pair of shapes apart at 10 px: they differ in at least a sixth of their pixels', () => {
    for (const [i, a] of shapes.entries())
      for (const b of shapes.slice(i + 1)) {
        const [pa, pb] = [pixels(a), pixels(b)];
        // the closest pairs: circle–diamond 0.17, circle–square 0.19; the crosses and the triangle ≥ 0.26
        const differing = sum(pa.map((v, k) => Math.abs(v - pb[k]!)));
        expect(differing / ((sum(pa) + sum(pb)) / 2), `${a} vs ${b}`).toBeGreaterThan(1 / 6);
      }
  });

  it('draws the shapes with about the same area, so that none looks heavier', () => {
    // half size 5: 2 ± 0.25 × 25 px²
    for (const shape of shapes) expect(sum(pixels(shape)), shape).toBeGreaterThan(1.7 * 25);
    for (const shape of shapes) expect(sum(pixels(shape)), shape).toBeLessThan(2.15 * 25);
  });

  it('stays inside its box and within MARKER_SHAPE_REACH of its centre, where it is placed', () => {
    for (const shape of shapes) {
      const path = markerShapePath(shape, 100, 50, 20);
      // the corners, or the circle's ends and its radius
      const coords = [...path.matchAll(/(?:[ML]|0 1 0 )(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      expect(coords.length, shape).toBeGreaterThan(1);
      const radius = /A([\d.]+) /.exec(path)?.[1];
      if (radius) expect(Number(radius)).toBeLessThanOrEqual(10);
      for (const [x, y] of coords) {
        expect(Math.abs(x! - 100), shape).toBeLessThanOrEqual(10);
        expect(Math.abs(y! - 50), shape).toBeLessThanOrEqual(10);
        expect(Math.hypot(x! - 100, y! - 50), shape).toBeLessThanOrEqual(10 * MARKER_SHAPE_REACH);
      }
    }
    expect(markerShapePath('triangle', 0, 0, 2)).toBe('M0 -0.95 L1 0.8 L-1 0.8 Z');
  });
});
