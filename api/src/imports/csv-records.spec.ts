import { CsvQuoteError, csvRecords } from './csv-records.js';

describe('csvRecords', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks, and counts lines', () => {
    const text = '\uFEFFa;b;c\r\n"x;1";"sagt ""hallo""";"zwei\r\nZeilen"\r\n\r\n ;  ; \r\nlast; 5" ;end';
    expect(csvRecords(text, ';')).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['x;1', 'sagt "hallo"', 'zwei\r\nZeilen'], line: 3 },
      { cells: ['last', '5"', 'end'], line: 6 },
    ]);
  });

  it('handles LF and CR line ends and records of any length', () => {
    expect(csvRecords('a,b\nc\rd,e,f\n', ',').map((r) => [r.cells, r.line])).toEqual([
      [['a', 'b'], 1],
      [['c'], 2],
      [['d', 'e', 'f'], 3],
    ]);
  });

  it('reports where an unclosed quotation mark begins', () => {
    expect(() => csvRecords('a;b\n1;2\n"offen;3\n4;5\n', ';')).toThrow(CsvQuoteError);
    try {
      csvRecords('a;b\n1;2\n"offen;3\n4;5\n', ';');
    } catch (e) {
      expect((e as CsvQuoteError).line).toBe(3);
    }
  });
});
