import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../i18n/testing';
import { formatEuro, formatWholeEuro } from './format';

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
