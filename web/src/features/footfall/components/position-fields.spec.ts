import { describe, expect, it } from 'vitest';
import { latLonPair } from './PositionFields';

describe('latLonPair', () => {
  it.each([
    ['51.2081, 10.4536', ['51.2081', '10.4536']],
    ['51,2081; 10,4536', ['51,2081', '10,4536']],
    ['51,2081, 10,4536', ['51,2081', '10,4536']],
    ['51.2081 10.4536', ['51.2081', '10.4536']],
    ['51.2081°, 10.4536°', ['51.2081', '10.4536']],
  ] as const)('splits %s', (text, pair) => {
    expect(latLonPair(text)).toEqual(pair);
  });

  it.each(['51,2081', '51.2081', '', '51,2081,10', 'Markt 5'])('leaves %s to the field', (text) => {
    expect(latLonPair(text)).toBeNull();
  });
});
