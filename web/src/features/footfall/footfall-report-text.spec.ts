import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';

beforeAll(initAppI18n);

describe('the counter upload’s summary in German', () => {
  it('counts one hour in the singular and says „keine“ for nothing', () => {
    const stored = (count: number) =>
      i18n.t('footfall.report.stored', {
        count,
        stored: String(count),
        location: 'Steinweg',
        from: 'a',
        to: 'b',
      });
    expect(stored(1)).toBe('Steinweg: 1 Stunde gespeichert (a bis b).');
    expect(stored(24)).toBe('Steinweg: 24 Stunden gespeichert (a bis b).');
    expect(i18n.t('footfall.report.gaps', { count: 0 })).toBe('keine Lücke');
    expect(i18n.t('footfall.report.rejected', { count: 0 })).toBe('keine Zeile abgelehnt');
    expect(i18n.t('footfall.report.rejected', { count: 2 })).toBe('2 Zeilen abgelehnt');
  });
});
