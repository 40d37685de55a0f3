import { describe, expect, it } from 'vitest';
import { reportParams, reportPath, reportPdfPath, withoutLang } from './report-url';

describe('reportParams', () => {
  it('gives a report without lang the app’s language', () => {
    expect(reportParams('?stichtag=2025-06-30', 'en')).toEqual({
      asOf: '2025-06-30',
      lang: 'en',
      network: null,
    });
    expect(reportParams('?stichtag=2025-06-30', 'de')).toEqual({
      asOf: '2025-06-30',
      lang: 'de',
      network: null,
    });
    expect(reportParams('?stichtag=2025-06-30&lang=fr', 'en').lang).toBe('en');
  });

  it('keeps the language a link names, whatever the app’s', () => {
    expect(reportParams('?stichtag=2025-06-30&lang=de', 'en').lang).toBe('de');
    expect(reportParams('?stichtag=2025-06-30&lang=en', 'de').lang).toBe('en');
  });
});

describe('the network a town report compares with', () => {
  it('is read from netzwerk when it is a slug', () => {
    expect(reportParams('?stichtag=2025-06-30&netzwerk=thueringer-becken', 'de').network).toBe(
      'thueringer-becken',
    );
    expect(reportParams('?netzwerk=Th%C3%BCringer%20Becken', 'de').network).toBeNull();
    expect(reportParams('?netzwerk=', 'de').network).toBeNull();
  });

  it('goes into the report’s and the PDF’s address', () => {
    expect(reportPath('stadt', 'gotha', '2025-06-30', 'de', 'thueringer-becken')).toBe(
      '/berichte/stadt/gotha?stichtag=2025-06-30&lang=de&netzwerk=thueringer-becken',
    );
    expect(reportPath('stadt', 'gotha', '2025-06-30', undefined, 'thueringer-becken')).toBe(
      '/berichte/stadt/gotha?stichtag=2025-06-30&netzwerk=thueringer-becken',
    );
    expect(reportPdfPath('towns', 'gotha', '2025-06-30', 'en', 'thueringer-becken')).toBe(
      '/api/reports/towns/gotha.pdf?asOf=2025-06-30&lang=en&network=thueringer-becken',
    );
    expect(reportPdfPath('towns', 'gotha', '2025-06-30', 'en')).toBe(
      '/api/reports/towns/gotha.pdf?asOf=2025-06-30&lang=en',
    );
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
