import { describe, expect, it } from 'vitest';
import { decimalInput, parseCoordinate, parseDecimal } from './numbers';

describe('parseDecimal', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1234,5', 1234.5],
    ['1.500', 1500],
    ['1.250.000', 1250000],
    ['85,5', 85.5],
    ['85.5', 85.5], // a lone dot that cannot group thousands: the decimal mark
    ['85.55', 85.55],
    [',5', 0.5],
    ['1 234,5', 1234.5],
    ['1.500 €', 1500],
    ['850,50 EUR', 850.5],
    ['120 m²', 120],
    ['120qm', 120],
    ['0', 0],
  ])('German: %s is %d', (text, value) => {
    expect(parseDecimal(text, 'de')).toBe(value);
  });

  it.each([
    ['1,234.5', 1234.5],
    ['1234.5', 1234.5],
    ['1,500', 1500],
    ['850.50', 850.5],
    ['85,5', 85.5],
    ['€', 'invalid'],
  ])('English: %s is %s', (text, value) => {
    expect(parseDecimal(text, 'en')).toBe(value);
  });

  it('reads an empty field as no value', () => {
    expect(parseDecimal('', 'de')).toBeNull();
    expect(parseDecimal('   ', 'en')).toBeNull();
  });

  it.each([
    '85 5',
    '1 2',
    '12 34,5',
    'abc',
    '1,2,3',
    '1.234.5',
    '12,5.3',
    '1..5',
    '1.2345,6',
    'zwölf',
    '1e5',
    '--3',
  ])('German: %s is not a number', (text) => {
    expect(parseDecimal(text, 'de')).toBe('invalid');
  });
});

describe('decimalInput', () => {
  it('shows a stored value with the language’s decimal mark and no grouping', () => {
    expect(decimalInput(1250.75, 'de')).toBe('1250,75');
    expect(decimalInput(1250.75, 'en')).toBe('1250.75');
    expect(decimalInput(null, 'de')).toBe('');
  });

  it('gives back the same number when read again', () => {
    for (const value of [0.5, 85.5, 1250.75, 1500, 1234567.25]) {
      for (const language of ['de', 'en']) {
        expect(parseDecimal(decimalInput(value, language), language)).toBe(value);
      }
    }
  });
});

describe('parseCoordinate', () => {
  it.each([
    ['51,2081', 90, 51.2081],
    ['51.2081', 90, 51.2081],
    [' 10.453 ', 180, 10.453], // three decimals: a coordinate, not 10,453 thousands
    ['51.2081°', 90, 51.2081],
    ['-0,5', 180, -0.5],
    ['179', 180, 179],
  ] as const)('reads %s', (text, limit, value) => {
    expect(parseCoordinate(text, limit)).toBe(value);
  });

  it.each([
    ['91', 90],
    ['181', 180],
    ['51,2081 N', 90],
    ['1.234,5', 180],
    ['zehn', 180],
    ['51,20,81', 90],
  ] as const)('refuses %s', (text, limit) => {
    expect(parseCoordinate(text, limit)).toBe('invalid');
  });

  it('reads an empty field as no value', () => {
    expect(parseCoordinate('  ', 90)).toBeNull();
  });
});
