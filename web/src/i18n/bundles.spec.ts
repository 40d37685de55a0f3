import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from './testing';
import de from './de.json';
import en from './en.json';
import { EXPLAINED_RULES, FILE_PROBLEMS, IMPORT_REFUSALS, PERIOD_REASONS } from '../lib/error-message';

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

  it('have a sentence for every refusal the API explains by a code', () => {
    const wanted = [
      ...PERIOD_REASONS.map((r) => `errors.period.${r}`),
      ...FILE_PROBLEMS.map((p) => `errors.file.${p}`),
      ...IMPORT_REFUSALS.map((r) => `errors.import.${r}`),
      ...EXPLAINED_RULES.map((r) => `errors.rule.${r}`),
    ];
    expect(wanted.filter((key) => !keys(de).includes(key))).toEqual([]);
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
