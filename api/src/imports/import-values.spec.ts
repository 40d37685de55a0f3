import {
  decimalsAsWritten,
  finerDecimals,
  parseDate,
  parseDecimal,
  parseDegrees,
  parseWktPoint,
  titleDate,
} from './import-values.js';

describe('parseDegrees: latitude and longitude', () => {
  it.each([
    ['51.209', ',', 51.209],
    ['51,209', ',', 51.209],
    ['51.209', '.', 51.209],
    ['51,209', '.', 51.209],
    ['-0.125', ',', -0.125],
    ['10,4531', ',', 10.4531],
    ['51', ',', 51],
    [' 51.209 ', '.', 51.209],
  ] as const)(
    'reads %s (decimal %s in the mapping) as %s: a lone separator is the decimal mark',
    (raw, sep, value) => {
      expect(parseDegrees(raw, sep)).toBe(value);
    },
  );

  it('refuses what is no number, as parseDecimal does', () => {
    expect(parseDegrees('51.2.9', ',')).toBeNull();
    expect(parseDegrees('N 51', '.')).toBeNull();
  });
});

describe('decimalsAsWritten: how precise the file writes a coordinate', () => {
  it.each([
    ['51.209', 3],
    ['51,209', 3], // decimal comma
    ['51,2090', 4], // a trailing zero as written counts
    [' 10.4531 ', 4],
    ['-0.125', 3],
    ['51', 0],
    ['1.234,5', null], // grouped: no plain decimal number, taken as exact
    ['1e-3', null],
    ['', null],
  ] as const)('%s → %s', (raw, decimals) => {
    expect(decimalsAsWritten(raw)).toBe(decimals);
  });

  it('takes the finer of a pair (a spreadsheet drops trailing zeros: 51.21 for 51.2100)', () => {
    expect(finerDecimals('51,21', '10,452')).toBe(3);
    expect(finerDecimals('51.209', 'x')).toBeNull();
    expect(parseWktPoint('POINT(10.7005 50.95)')).toEqual({ x: 10.7005, y: 50.95, srid: null, decimals: 4 });
  });
});

describe('parseDecimal: other numbers keep their thousands groups', () => {
  it('reads a German „1.500“ as 1500 and metres grouped by Excel as metres', () => {
    expect(parseDecimal('1.500', ',')).toBe(1500);
    expect(parseDecimal('619.510', ',')).toBe(619510);
    expect(parseDecimal('5.645.710,5', ',')).toBe(5645710.5);
    expect(parseDecimal('619510.123', ',')).toBe(619510.123);
  });
});

describe('titleDate: the date a list’s title names', () => {
  it.each([
    ['Leerstandsliste Innenstadt, Stand 30.11.2026', '2026-11-30'],
    ['Stichtag: 1.3.2025', '2025-03-01'],
    ['Erhebung vom 05.06.2024 (Begehung)', '2024-06-05'],
    ['Leerstandsliste 2026', null], // no day
    ['Stand 31.02.2026', null], // no such day
    ['Stand 01.01.2027', null], // after today: a list states facts
    ['Telefon 03.60.1234', null], // not a date named as the list's
  ])('%s → %s', (title, expected) => {
    expect(titleDate(title, '2026-12-07')).toBe(expected);
  });
});

describe('parseDate: the dates of hand-kept lists', () => {
  it.each([
    ['01.03.2021', '2021-03-01'],
    ['03/2023', '2023-03-01'],
    ['Februar 2026', '2026-02-01'],
    ['März 2025', '2025-03-01'],
    ['Maerz 2025', '2025-03-01'],
    ['Feb. 2026', '2026-02-01'],
    ['Mrz 2025', '2025-03-01'],
    ['Mrz. 25', '2025-03-01'],
    ['dezember 2024', '2024-12-01'],
    ['1. März 2025', '2025-03-01'],
    ['15. Okt. 2024', '2024-10-15'],
    ['March 2025', '2025-03-01'],
    ['Oct 2024', '2024-10-01'],
  ])('reads %s as %s (a month by name: its first day)', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each(['Frühjahr 2025', 'März', '31. Februar 2025', 'Mär 2025 ca.', 'Sommer 25'])('refuses %s', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});
