import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from './testing';
import de from './de.json';
import en from './en.json';
import { EXPLAINED_RULES, FILE_PROBLEMS, IMPORT_REFUSALS, PERIOD_REASONS } from '../lib/error-message';
import { LINE_PROBLEMS } from '../../../api/src/footfall/footfall.types';

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
      ...LINE_PROBLEMS.map((p) => `footfall.problem.${p}`),
    ];
    expect(wanted.filter((key) => !keys(de).includes(key))).toEqual([]);
  });

  it('use the singular for one', () => {
    const de1 = i18n.getFixedT('de');
    const en1 = i18n.getFixedT('en');
    expect(de1('kb.results', { count: 1 })).toBe('1 Maßnahme gefunden');
    expect(de1('kb.results', { count: 3 })).toBe('3 Maßnahmen gefunden');
    expect(en1('kb.results', { count: 1 })).toBe('1 intervention found');
    expect(de1('home.units', { count: 1, formatted: '1' })).toBe('1 erfasstes Ladenlokal');
    expect(de1('home.units', { count: 1234, formatted: '1.234' })).toBe('1.234 erfasste Ladenlokale');
    expect(en1('home.units', { count: 1, formatted: '1' })).toBe('1 storefront on record');
    expect(de1('filters.months', { count: 1 })).toBe('1 Monat');
    expect(en1('filters.months', { count: 12 })).toBe('12 months');
  });

  it('name the three storefront counts by what each counts, not all „Ladenlokale“', () => {
    const de1 = i18n.getFixedT('de');
    const en1 = i18n.getFixedT('en');
    // Home page: every record of the town; town page: units recorded on the date (any place, any
    // status, the filters applied); network page: the KPI, existing units inside the perimeter.
    const de3 = [de1('home.units', { count: 2, formatted: '2' }), de1('counts.total'), de1('network.units')];
    const en3 = [en1('home.units', { count: 2, formatted: '2' }), en1('counts.total'), en1('network.units')];
    expect(de3).toEqual([
      '2 erfasste Ladenlokale',
      'Ladenlokale am Stichtag',
      'Ladenlokale im Innenstadtbereich',
    ]);
    expect(en3).toEqual([
      '2 storefronts on record',
      'Storefronts on this date',
      'Storefronts in the town centre',
    ]);
    expect(de1('counts.totalHint')).toMatch(/außerhalb des Innenstadtbereichs/);
    expect(de1('network.unitsHint')).toMatch(/ohne abgerissene/);
    expect(en1('home.unitsHint')).toMatch(/demolished/);
  });
});
