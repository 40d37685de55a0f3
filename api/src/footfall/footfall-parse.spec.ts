import { parseCounterFile } from './footfall-parse.js';

describe('parseCounterFile: title lines above the table', () => {
  it('takes the first line naming the time as the header, and numbers the lines as the file does', () => {
    const file = Buffer.from(
      [
        'Zählstelle Steinweg / Markt;;',
        ';;',
        'Datum;Uhrzeit;Anzahl',
        '03.03.2025;08:00;120',
        '03.03.2025;09:00;80',
      ].join('\r\n'),
    );
    const parsed = parseCounterFile(file, new Date('2026-01-01T00:00:00Z'));
    expect(parsed.counts.map((c) => c.count)).toEqual([120, 80]);
    expect(parsed.rejected).toEqual([]);
  });

  it('still says which column is missing when no line names the time', () => {
    const file = Buffer.from('Zählstelle;Anzahl\r\nSteinweg;120\r\n');
    expect(() => parseCounterFile(file)).toThrow(/timestamp column/);
  });
});

describe('parseCounterFile: dates a spreadsheet writes for an empty cell', () => {
  it('says „before counting“ for Excel’s 00.01.1900 and LibreOffice’s 30.12.1899, not „unreadable“', () => {
    const file = Buffer.from(
      [
        'Datum;Uhrzeit;Anzahl',
        '00.01.1900;08:00;12',
        '30.12.1899;09:00;7',
        '1900-01-00;;', // no hour: unreadable as before
        '32.01.2025;08:00;5',
        '03.03.2025;08:00;120',
      ].join('\r\n'),
    );
    const parsed = parseCounterFile(file, new Date('2026-01-01T00:00:00Z'));
    expect(parsed.rejected.map((r) => [r.line, r.problem])).toEqual([
      [2, 'before_counting'],
      [3, 'before_counting'],
      [4, 'unreadable_hour'],
      [5, 'unreadable_hour'],
    ]);
    expect(parsed.counts.map((c) => c.count)).toEqual([120]);
  });
});
