import { describe, expect, it } from 'vitest';
import { VACANCY_CLASSES } from '../../../../api/src/reports/vacancy-classes';
import { luminance } from '../map/colors';
import { classColor, classLabel, NO_DATA_FILL, placeLabels } from './network-map-style';

/** CIE L* (0 black … 100 white) of a colour: the lightness a greyscale printout keeps. */
const lightness = (hex: string): number => {
  const y = luminance(hex);
  return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
};
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('network map classes', () => {
  it('has a colour for each of the API’s classes and none for "no data"', () => {
    const colours = VACANCY_CLASSES.map((c) => classColor(c.index));
    expect(colours.every((c) => typeof c === 'string')).toBe(true);
    expect(new Set(colours).size).toBe(VACANCY_CLASSES.length);
    expect(classColor(null)).toBeNull();
    expect(classColor(VACANCY_CLASSES.length)).toBeNull();
  });

  it('gets darker with every class, by at least 12 L*, so greyscale print keeps the order', () => {
    const l = VACANCY_CLASSES.map((c) => lightness(classColor(c.index)!));
    for (let i = 1; i < l.length; i += 1) expect(l[i - 1]! - l[i]!).toBeGreaterThanOrEqual(12);
    // "Keine Daten" (white with a hatch) is not a shade of the scale.
    expect(lightness(NO_DATA_FILL)).toBeGreaterThan(l[0]!);
  });

  it('states each class with its bounds in the report’s language', () => {
    const de = VACANCY_CLASSES.map((c) => classLabel(c, 'de'));
    expect(de.map((l) => l.key)).toEqual(['below', 'range', 'range', 'range', 'above']);
    expect(plain(de[0]!.to)).toBe('5 %');
    expect(plain(de[1]!.from)).toBe('5 %');
    expect(plain(de[1]!.to)).toBe('10 %');
    expect(plain(de[4]!.from)).toBe('20 %');
    expect(classLabel({ from: 0.05, to: 0.1 }, 'en')).toMatchObject({ from: '5%', to: '10%' });
  });
});

describe('placeLabels', () => {
  const frame = { width: 1000, height: 600 };

  it('keeps labels where asked when they do not collide', () => {
    const placed = placeLabels(
      [
        { key: 'a', x: 200, y: 200, width: 100, height: 40 },
        { key: 'b', x: 600, y: 200, width: 100, height: 40 },
      ],
      frame,
    );
    expect(placed.get('a')).toEqual({ x: 200, y: 200 });
    expect(placed.get('b')).toEqual({ x: 600, y: 200 });
  });

  it('moves the lower of two overlapping labels by a label height', () => {
    const placed = placeLabels(
      [
        { key: 'low', x: 520, y: 215, width: 100, height: 40 },
        { key: 'high', x: 500, y: 200, width: 100, height: 40 },
      ],
      frame,
    );
    expect(placed.get('high')).toEqual({ x: 500, y: 200 });
    expect(placed.get('low')).toEqual({ x: 520, y: 257 });
  });

  it('keeps labels inside the frame and off the map furniture', () => {
    const placed = placeLabels([{ key: 'edge', x: 990, y: 590, width: 100, height: 40 }], frame, [
      { x: 950, y: 540, width: 100, height: 40 },
    ]);
    const edge = placed.get('edge')!;
    expect(edge.x).toBe(950);
    expect(edge.y).toBeLessThanOrEqual(580);
    expect(Math.abs(edge.y - 540) * 2).toBeGreaterThanOrEqual(80);
  });
});
