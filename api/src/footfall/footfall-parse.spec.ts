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
