import { describe, expect, it } from 'vitest';
import { contrastRatio, markerPath, SERIES_COLORS, seriesStyle } from './series-style';

describe('contrastRatio', () => {
  it('matches the WCAG values', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#F0E442', '#FFFFFF')).toBeLessThan(1.5); // the yellow the network report had
  });
});

describe('seriesStyle', () => {
  it('draws every line with at least 3:1 contrast on the white page', () => {
    for (const color of SERIES_COLORS)
      expect(contrastRatio(color, '#FFFFFF'), color).toBeGreaterThanOrEqual(3);
  });

  it('tells the series apart by dash and marker, not by colour alone', () => {
    const styles = Array.from({ length: 30 }, (_, i) => seriesStyle(i));
    expect(new Set(styles.slice(0, 6).map((s) => s.dash)).size).toBe(6);
    expect(new Set(styles.slice(0, 5).map((s) => s.marker)).size).toBe(5);
    expect(new Set(styles.map((s) => `${s.dash}/${s.marker}`)).size).toBe(30);
  });

  it('repeats no combination of colour, dash and marker within 120 series', () => {
    const keys = Array.from({ length: 120 }, (_, i) => JSON.stringify(seriesStyle(i)));
    expect(new Set(keys).size).toBe(120);
  });
});

describe('markerPath', () => {
  it('draws a closed shape around the point', () => {
    expect(markerPath('square', 10, 20, 3)).toBe('M 7 17 L 13 17 L 13 23 L 7 23 Z');
    for (const shape of ['circle', 'triangle', 'diamond', 'cross'] as const)
      expect(markerPath(shape, 10, 20, 3)).toMatch(/^M .* Z$/);
  });
});
