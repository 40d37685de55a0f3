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

describe('parseCounterFile: times with minutes, seconds or a time zone', () => {
  const parse = (lines: string[]) =>
    parseCounterFile(Buffer.from(lines.join('\n')), new Date('2027-01-01T00:00:00Z'));

  it('reads a stated offset or „Z“ as such, and local time without one (CET in November)', () => {
    const parsed = parse([
      'Zeitstempel;Anzahl',
      '2026-11-02T10:00:00Z;7',
      '2026-11-02T12:00:00+05:00;8',
      '2026-11-02 13:00;9',
      '2026-11-02T14:00:00.000+0100;10',
    ]);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.counts.map((c) => [c.hour.toISOString(), c.count])).toEqual([
      ['2026-11-02T10:00:00.000Z', 7],
      ['2026-11-02T07:00:00.000Z', 8],
      ['2026-11-02T12:00:00.000Z', 9],
      ['2026-11-02T13:00:00.000Z', 10],
    ]);
  });

  it('refuses a row whose time is not on the hour, in either layout, rather than moving it into an hour', () => {
    const stamped = parse([
      'Zeitstempel;Anzahl',
      '2026-11-02T10:45:00Z;7',
      '2026-11-02 11:00:30;8',
      '2026-11-02 12:00;9',
    ]);
    expect(stamped.rejected.map((r) => [r.line, r.problem, r.value])).toEqual([
      [2, 'not_on_the_hour', '2026-11-02T10:45:00Z'],
      [3, 'not_on_the_hour', '2026-11-02 11:00:30'],
    ]);
    const split = parse(['Datum;Uhrzeit;Anzahl', '02.11.2026;10:30;7', '02.11.2026;11:00 - 12:00 Uhr;8']);
    expect(split.rejected.map((r) => [r.line, r.problem])).toEqual([[2, 'not_on_the_hour']]);
    expect(split.counts.map((c) => c.hour.toISOString())).toEqual(['2026-11-02T10:00:00.000Z']);
  });

  it('counts the same instant written in two time zones once', () => {
    const parsed = parse(['Zeitstempel;Anzahl', '2026-11-02T15:00:00+05:00;8', '2026-11-02T10:00:00Z;8']);
    expect(parsed.rejected.map((r) => [r.line, r.problem])).toEqual([[3, 'duplicate_hour']]);
  });
});

describe('parseCounterFile: a file that is not 8-bit text', () => {
  it('refuses UTF-16 (Excel’s „Unicode text“) as a whole, asking for CSV UTF-8, instead of rejecting every line', () => {
    const text = 'Zeitstempel;Anzahl\r\n2026-11-02 10:00;7\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(() => parseCounterFile(utf16, new Date('2027-01-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ details: { reason: 'unreadable_file', problem: 'nul_character' } }),
    );
  });
});

describe('parseCounterFile: two columns that could hold the count', () => {
  it('refuses the file naming both, rather than keep one silently', () => {
    const file = Buffer.from('Zeitstempel;Anzahl;Gesamt\n2025-03-03 08:00;120;240\n');
    let refusal: unknown;
    try {
      parseCounterFile(file, new Date('2026-01-01T00:00:00Z'));
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'unreadable_file', problem: 'two_count_columns', columns: ['Anzahl', 'Gesamt'] },
    });
  });

  it('takes the sum beside the directions it adds up', () => {
    const file = Buffer.from('Zeitstempel;Richtung 1;Richtung 2;Summe\n2025-03-03 08:00;70;50;120\n');
    const parsed = parseCounterFile(file, new Date('2026-01-01T00:00:00Z'));
    expect(parsed.counts.map((c) => c.count)).toEqual([120]);
  });
});
