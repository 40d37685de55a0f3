import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

const ORIGIN = 'https://schaufenster.example';

describe('safeReturnPath', () => {
  it('keeps paths of this site with their query and fragment', () => {
    expect(safeReturnPath('/towns/gotha?asOf=2025-06-30#liste', ORIGIN)).toBe(
      '/towns/gotha?asOf=2025-06-30#liste',
    );
    expect(safeReturnPath('/massnahmen', ORIGIN)).toBe('/massnahmen');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/.//evil.example',
    '/%2e//evil.example',
    '/x/..//evil.example',
  ])('sends %j to the start page, not to another site', (raw) => {
    expect(safeReturnPath(raw, ORIGIN)).toBe('/');
  });
});
