import { describe, expect, it } from 'vitest';
import { reportParams, reportPath, withoutLang } from './report-url';

describe('reportParams', () => {
  it('gives a report without lang the app’s language', () => {
    expect(reportParams('?stichtag=2025-06-30', 'en')).toEqual({ asOf: '2025-06-30', lang: 'en' });
    expect(reportParams('?stichtag=2025-06-30', 'de')).toEqual({ asOf: '2025-06-30', lang: 'de' });
    expect(reportParams('?stichtag=2025-06-30&lang=fr', 'en').lang).toBe('en');
  });

  it('keeps the language a link names, whatever the app’s', () => {
    expect(reportParams('?stichtag=2025-06-30&lang=de', 'en').lang).toBe('de');
    expect(reportParams('?stichtag=2025-06-30&lang=en', 'de').lang).toBe('en');
  });
});

describe('reportPath', () => {
  it('names the language only when given one', () => {
    expect(reportPath('stadt', 'gotha', '2025-06-30')).toBe('/berichte/stadt/gotha?stichtag=2025-06-30');
    expect(reportPath('stadt', 'gotha', '2025-06-30', 'de')).toBe(
      '/berichte/stadt/gotha?stichtag=2025-06-30&lang=de',
    );
    expect(reportPath('netzwerk', 'n', '2025-06-30', 'en')).toBe(
      '/berichte/netzwerk/n?stichtag=2025-06-30&lang=en',
    );
  });

  it('drops lang and keeps the rest of the address', () => {
    expect(withoutLang('/berichte/stadt/gotha', '?stichtag=2025-06-30&lang=en')).toBe(
      '/berichte/stadt/gotha?stichtag=2025-06-30',
    );
    expect(withoutLang('/berichte/stadt/gotha', '?lang=de')).toBe('/berichte/stadt/gotha');
  });
});
