import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('writes German Excel CSV: BOM, semicolons, decimal comma', () => {
    const csv = toCsv(
      ['Stadt', 'Leerstandsquote (%)'],
      [
        ['Mühlhausen', 11.11],
        ['Gotha', null],
      ],
      { german: true },
    );
    expect(csv).toBe('\uFEFFStadt;Leerstandsquote (%)\r\nMühlhausen;11,11\r\nGotha;\r\n');
  });

  it('writes plain CSV without BOM, with decimal points, quoting commas', () => {
    const csv = toCsv(['town', 'rate'], [['Bad Belzig, Stadt', 0.5]], { german: false });
    expect(csv).toBe('town,rate\r\n"Bad Belzig, Stadt",0.5\r\n');
  });

  it('writes a decimal with its fixed digits: „0,50“ beside „0,68“', () => {
    const rows = [[{ number: 0.5, digits: 2 }], [{ number: 0.68, digits: 2 }], [{ number: 40, digits: 1 }]];
    expect(toCsv(['je 1.000'], rows, { german: true })).toBe('\uFEFFje 1.000\r\n0,50\r\n0,68\r\n40,0\r\n');
    expect(toCsv(['per 1,000'], rows, { german: false })).toBe('"per 1,000"\r\n0.50\r\n0.68\r\n40.0\r\n');
  });

  it('neutralises spreadsheet formulas in text cells but not negative numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('+49 3601')).toBe("'+49 3601");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('Gotha')).toBe('Gotha');
    const csv = toCsv(['a', 'b'], [['=1+1', -3]], { german: true });
    expect(csv).toBe("\uFEFFa;b\r\n'=1+1;-3\r\n");
  });

  it('quotes cells with quotes and line breaks', () => {
    expect(toCsv(['a'], [['Laden "Alt"\nneu']], { german: true })).toBe(
      '\uFEFFa\r\n"Laden ""Alt""\nneu"\r\n',
    );
  });
});
