import { describe, expect, it } from 'vitest';
import { seriesStyle } from '../../lib/series-style';
import { seriesKey } from './series-key';

const names = new Map([
  ['gotha', 'Gotha'],
  ['frankenhausen', 'Bad Frankenhausen/Kyffhäuser'],
  ['apolda', 'Apolda'],
]);

describe('seriesKey', () => {
  it('lists the towns by name as the tables do, the nth entry with the nth style', () => {
    const key = seriesKey([{ cityId: 'gotha' }, { cityId: 'frankenhausen' }, { cityId: 'apolda' }], names);
    expect(key.map((e) => e.cityId)).toEqual(['apolda', 'frankenhausen', 'gotha']);
    expect(key.map((e) => e.style)).toEqual([seriesStyle(0), seriesStyle(1), seriesStyle(2)]);
    // told apart without colour: no two of them share a dash pattern
    expect(new Set(key.map((e) => e.style.dash)).size).toBe(3);
  });

  it('puts „Sömmerda“ before „Sondershausen“ in German (ö with o), as the tables do', () => {
    const towns = new Map([
      ['so', 'Sondershausen'],
      ['soe', 'Sömmerda'],
    ]);
    expect(seriesKey([{ cityId: 'so' }, { cityId: 'soe' }], towns, 'de').map((e) => e.name)).toEqual([
      'Sömmerda',
      'Sondershausen',
    ]);
  });

  it('shortens a long name for the key and keeps the full one', () => {
    const [entry] = seriesKey([{ cityId: 'frankenhausen' }], names);
    expect(entry).toMatchObject({ name: 'Bad Frankenhausen/Kyffhäuser', label: 'Bad Frankenhausen' });
  });

  it('names a town missing from the names by its id', () => {
    expect(seriesKey([{ cityId: 'x-1' }], names)[0]).toMatchObject({ name: 'x-1', label: 'x-1' });
  });
});
