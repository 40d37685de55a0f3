import { describe, expect, it } from '@jest/globals';
import { parseCsv, parseCsvRecords, readPartnerBoundaries, readPartnerTowns } from './reference-files.js';

describe('parseCsv', () => {
  it('handles quoted fields with commas, escaped quotes, CRLF and a BOM', () => {
    const text = '\ufeffags,name\r\n16067029,"Gotha, Stadt"\r\n1,"say ""hi"""\r\n';
    expect(parseCsv(text)).toEqual([
      ['ags', 'name'],
      ['16067029', 'Gotha, Stadt'],
      ['1', 'say "hi"'],
    ]);
  });

  it('keeps a leading zero and an empty last field, and rejects broken input', () => {
    expect(parseCsvRecords('postcode,x\n07545,\n')).toEqual([{ postcode: '07545', x: '' }]);
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
    expect(() => parseCsvRecords('a,b\n1\n')).toThrow(/1 fields/);
  });
});

describe('committed reference data', () => {
  it('has the 14 partner towns with both AGS keys and a boundary for each', () => {
    const towns = readPartnerTowns();
    const boundaries = readPartnerBoundaries();
    expect(towns).toHaveLength(14);
    expect(boundaries.size).toBe(14);
    const buttstaedt = towns.find((t) => t.vg250Name === 'Buttstädt');
    expect(buttstaedt).toMatchObject({ ags2019: '16068063', agsVg250_2016: '16068006' });
    for (const t of towns) {
      expect(boundaries.get(t.agsVg250_2016)?.gen).toBe(t.vg250Name);
    }
    expect(towns.find((t) => t.ags2019 === '16052000')?.postcode).toBe('07545');
  });
});
