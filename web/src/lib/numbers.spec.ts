import { describe, expect, it } from 'vitest';
import { decimalInput, parseDecimal } from './numbers';

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
