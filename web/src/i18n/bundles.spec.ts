import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from './testing';
import de from './de.json';
import en from './en.json';

const keys = (bundle: object, prefix = ''): string[] =>
  Object.entries(bundle).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

beforeAll(initAppI18n);

describe('translation bundles', () => {
  it('have the same keys in German and English', () => {
    expect(keys(en)).toEqual(keys(de));
  });

  it('use the singular for one', () => {
    const de1 = i18n.getFixedT('de');
    const en1 = i18n.getFixedT('en');
    expect(de1('kb.results', { count: 1 })).toBe('1 Maßnahme gefunden');
    expect(de1('kb.results', { count: 3 })).toBe('3 Maßnahmen gefunden');
    expect(en1('kb.results', { count: 1 })).toBe('1 intervention found');
    expect(de1('home.units', { count: 1, formatted: '1' })).toBe('1 Ladenlokal');
    expect(de1('home.units', { count: 1234, formatted: '1.234' })).toBe('1.234 Ladenlokale');
    expect(en1('home.units', { count: 1, formatted: '1' })).toBe('1 storefront');
    expect(de1('filters.months', { count: 1 })).toBe('1 Monat');
    expect(en1('filters.months', { count: 12 })).toBe('12 months');
  });
});
