import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../i18n/testing';
import { formatDateTime, formatEuro, formatWholeEuro } from './format';

beforeAll(initAppI18n);

/** Intl separates numbers and units with a no-break space; compare with plain spaces. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatEuro', () => {
  it('shows a recorded amount to the cent when it has cents, and whole amounts without ,00', async () => {
    await i18n.changeLanguage('de');
    expect(plain(formatEuro(1250.5))).toBe('1.250,50 €');
    expect(plain(formatEuro(12500.5))).toBe('12.500,50 €');
    expect(plain(formatEuro(0.3))).toBe('0,30 €');
    expect(plain(formatEuro(1250))).toBe('1.250 €');
    expect(plain(formatEuro(1250.004))).toBe('1.250 €'); // whole once rounded to the cent
    expect(formatEuro(null)).toBe('–');
    await i18n.changeLanguage('en');
    expect(formatEuro(1250.5)).toBe('€1,250.50');
    expect(formatEuro(1250)).toBe('€1,250');
  });

  it('rounds an aggregate to the whole euro', async () => {
    await i18n.changeLanguage('de');
    expect(plain(formatWholeEuro(1250.5))).toBe('1.251 €');
    await i18n.changeLanguage('en');
    expect(formatWholeEuro(1250.5)).toBe('€1,251');
  });
});

describe('formatDateTime', () => {
  it('writes an instant in German time, in the UI language (a counter file’s hours in the English UI too)', async () => {
    await i18n.changeLanguage('de');
    expect(plain(formatDateTime('2026-03-02T09:00:00Z'))).toBe('02.03.2026, 10:00');
    await i18n.changeLanguage('en');
    expect(plain(formatDateTime('2026-03-02T09:00:00Z'))).toBe('2 Mar 2026, 10:00');
    expect(plain(formatDateTime('2026-07-02T09:00:00Z'))).toBe('2 Jul 2026, 11:00'); // summer time
  });
});
