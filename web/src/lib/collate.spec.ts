import { describe, expect, it } from 'vitest';
import { nameCollator, sortByName } from './collate';

const towns = [
  'Straußfurt',
  'Sömmerda',
  'Sondershausen',
  'Bad Frankenhausen/Kyffhäuser',
  'Apolda',
  'Ückermünde',
  'Zella-Mehlis',
  'Bad Belzig',
].map((name) => ({ name }));

describe('sortByName', () => {
  it('puts umlauts and ß where a German reader looks for them, not after z', () => {
    expect(sortByName(towns, 'de').map((t) => t.name)).toEqual([
      'Apolda',
      'Bad Belzig',
      'Bad Frankenhausen/Kyffhäuser',
      'Sömmerda',
      'Sondershausen',
      'Straußfurt',
      'Ückermünde',
      'Zella-Mehlis',
    ]);
  });

  it('sorts the same names alike in English and leaves its input as it was', () => {
    const before = towns.map((t) => t.name);
    const sorted = sortByName(towns, 'en').map((t) => t.name);
    expect(sorted.indexOf('Sömmerda')).toBeLessThan(sorted.indexOf('Straußfurt'));
    expect(sorted.at(-1)).toBe('Zella-Mehlis');
    expect(towns.map((t) => t.name)).toEqual(before);
  });

  it('compares numbers in names by value', () => {
    expect(nameCollator('de').compare('Bezirk 10', 'Bezirk 9')).toBeGreaterThan(0);
  });
});
