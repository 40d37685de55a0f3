import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { MAX_IMPORT_COLUMNS } from './unreadable.js';
import { readXlsxTable } from './xlsx-table.js';

/** A workbook written by exceljs's (whole-workbook) writer: sheets before shared strings and styles. */
const workbook = async (build: (book: ExcelJS.Workbook) => void): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** A one-sheet workbook of a header and `rows` data rows (`Markt`, 1 …), written by the streaming writer. */
const streamedWorkbook = async (rows: number, options = { useSharedStrings: true }): Promise<Buffer> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, ...options });
  const sheet = book.addWorksheet('Liste');
  sheet.addRow(['Straße', 'Nr']).commit();
  for (let i = 1; i <= rows; i++) sheet.addRow(['Markt', i]).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
};

/**
 * The workbook with the last stretch of its first worksheet's compressed data overwritten (sizes and
 * offsets unchanged): read that far, it is no workbook. Written by exceljs's writer (JSZip), whose
 * local headers carry the sizes.
 */
const brokenAtTheEnd = (bytes: Buffer): Buffer => {
  const local = bytes.indexOf('xl/worksheets/sheet1.xml') - 30;
  expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
  const dataEnd =
    local +
    30 +
    bytes.readUInt16LE(local + 26) +
    bytes.readUInt16LE(local + 28) +
    bytes.readUInt32LE(local + 18);
  const broken = Buffer.from(bytes);
  broken.fill(0xff, dataEnd - 600, dataEnd - 100);
  return broken;
};

/** The temporary files of this process (the `tmp` package that exceljs uses names them tmp-<pid>-…). */
const temporaryFiles = (): string[] =>
  readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));

describe('readXlsxTable: cells', () => {
  it('reads each kind of cell as the text a user sees, as the whole-workbook reader did', async () => {
    const header = [
      'Straße',
      'seit',
      'Fläche',
      'Summe',
      'Datum',
      'Text',
      'Teilung',
      'Fehler',
      'Bool',
      'Rich',
      'Web',
    ];
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Leerstände & Co.');
      sheet.addRow([...header, '', '']);
      const row = sheet.addRow([
        '  Mühlgasse ',
        new Date(Date.UTC(2021, 2, 1)),
        64.5,
        { formula: 'C2*2', result: 129 },
        { formula: 'DATE(2022,5,1)', result: new Date(Date.UTC(2022, 4, 1)) },
        { formula: 'A2&"!"', result: 'Mühlgasse!' },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        { error: '#N/A' },
        false,
        { richText: [{ text: 'Leer', font: { bold: true } }, { text: 'stand ' }] },
        { text: 'Website', hyperlink: 'https://example.org' },
        'ohne Spalte',
      ]);
      row.getCell(2).numFmt = 'dd.mm.yyyy';
      row.getCell(5).numFmt = 'yyyy-mm-dd';
    });
    const table = await readXlsxTable(bytes);
    // the header's empty cells at its end do not count; cells beyond the header are cut
    expect(table.headers).toEqual(header);
    expect(table.rows).toEqual([
      [
        'Mühlgasse',
        '2021-03-01',
        '64.5',
        '129',
        '2022-05-01',
        'Mühlgasse!',
        '',
        '',
        'false',
        'Leerstand',
        'Website',
      ],
    ]);
    expect(table.info).toEqual({
      format: 'xlsx',
      encoding: 'binary',
      bom: false,
      delimiter: null,
      sheet: 'Leerstände & Co.',
      listDate: null,
    });
  });

  it('reads dates of a workbook that counts from 1904, cells and formula results alike', async () => {
    const bytes = await workbook((book) => {
      book.properties.date1904 = true;
      const sheet = book.addWorksheet('Mac');
      sheet.addRow(['seit', 'bis']);
      const row = sheet.addRow([
        new Date(Date.UTC(2021, 2, 1)),
        { formula: 'A2+365', result: new Date(Date.UTC(2022, 2, 1)) },
      ]);
      row.getCell(1).numFmt = 'dd.mm.yyyy';
      row.getCell(2).numFmt = 'dd.mm.yyyy';
    });
    expect((await readXlsxTable(bytes)).rows).toEqual([['2021-03-01', '2022-03-01']]);
  });

  it('reads a formula’s TRUE as 1 and FALSE as 0 (the streaming reader gives no formula result a type), a result of 0 as 0', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Formeln');
      sheet.addRow(['groß', 'klein', 'null', 'Wert']);
      sheet.addRow([
        { formula: 'D2>1', result: true },
        { formula: 'D2<1', result: false },
        { formula: 'D2-2', result: 0 },
        2,
      ]);
    });
    expect((await readXlsxTable(bytes)).rows).toEqual([['1', '0', '0', '2']]);
  });

  it('reads formulas filled down a column (shared formulas): numbers, 0 and dates alike', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Gefüllt');
      sheet.addRow(['Objekt-Nr.', 'Miete', 'seit']);
      const master = (formula: string, ref: string, result: number | Date) => ({
        formula,
        shareType: 'shared',
        ref,
        result,
      });
      sheet.addRow([
        'H-1',
        master('10*50', 'B2:B4', 500),
        master('DATE(2024,1,1)', 'C2:C4', day(2024, 0, 1)),
      ]);
      sheet.addRow([
        'H-2',
        { sharedFormula: 'B2', result: 750 },
        { sharedFormula: 'C2', result: day(2024, 0, 2) },
      ]);
      sheet.addRow([
        'H-3',
        { sharedFormula: 'B2', result: 0 },
        { sharedFormula: 'C2', result: day(2024, 0, 3) },
      ]);
      for (const r of [2, 3, 4]) sheet.getRow(r).getCell(3).numFmt = 'dd.mm.yyyy';
    });
    expect((await readXlsxTable(bytes)).rows).toEqual([
      ['H-1', '500', '2024-01-01'],
      ['H-2', '750', '2024-01-02'],
      ['H-3', '0', '2024-01-03'],
    ]);
  });

  it('keeps characters whose bytes fall on both sides of a chunk of the unpacked file', async () => {
    const streets = Array.from(
      { length: 3_000 },
      (_, i) => `Große Straße ${i} – Ärztehaus „Süd“, Öl & Käse, Übergröße`,
    );
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Straßen');
      sheet.addRow(['Straße', 'Bemerkung']);
      // shared strings (first column) and the sheet's own text (a formula's text result)
      for (const street of streets) sheet.addRow([street, { formula: 'A1', result: `${street} ✓` }]);
    });
    const table = await readXlsxTable(bytes);
    expect(table.rows).toEqual(streets.map((street) => [street, `${street} ✓`]));
  });
});

describe('readXlsxTable: rows and sheets', () => {
  it('numbers each row by its row in the sheet and leaves out rows without a value', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Liste');
      sheet.getRow(2).values = ['Straße', 'Nr', 'Status'];
      sheet.getRow(4).values = ['Markt', 1, 'belegt'];
      sheet.getRow(5).getCell(2).style = { font: { bold: true } }; // formatted, but empty
      sheet.getRow(6).values = ['', '', '']; // empty text
      sheet.getRow(9).values = ['Gasse', 2]; // shorter than the header
      sheet.getRow(12).values = ['Ring', 3, 'Leerstand', 'Notiz ohne Spalte'];
    });
    const table = await readXlsxTable(bytes);
    expect(table.headers).toEqual(['Straße', 'Nr', 'Status']);
    expect(table.rows).toEqual([
      ['Markt', '1', 'belegt'],
      ['Gasse', '2', ''],
      ['Ring', '3', 'Leerstand'],
    ]);
    expect(table.lines).toEqual([4, 9, 12]);
  });

  it('passes over title lines above the table: the header is the first row naming two columns', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Liste');
      sheet.getRow(1).values = ['Leerstandsliste Innenstadt, Stand 01.12.2026'];
      sheet.getRow(2).values = ['Citymanagement'];
      sheet.getRow(4).values = ['Straße', 'Nr', 'Status'];
      sheet.getRow(5).values = ['Markt', 1, 'belegt'];
      sheet.getRow(6).values = ['Gasse']; // one value below the header: a data row
    });
    const table = await readXlsxTable(bytes);
    expect(table.headers).toEqual(['Straße', 'Nr', 'Status']);
    expect(table.rows).toEqual([
      ['Markt', '1', 'belegt'],
      ['Gasse', '', ''],
    ]);
    expect(table.lines).toEqual([5, 6]);
    expect(table.info.listDate).toBe('2026-12-01'); // the title's „Stand“: the suggested reference date
  });

  it('reads a sheet whose rows have one value each as before: the first row is the header', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Liste');
      for (let i = 1; i <= 13; i++) sheet.getRow(i).values = [i === 1 ? 'Adresse' : `Markt ${i}`];
    });
    const table = await readXlsxTable(bytes);
    expect(table.headers).toEqual(['Adresse']);
    expect(table.rows).toHaveLength(12);
    expect(table.lines[0]).toBe(2);
    const short = await readXlsxTable(
      await workbook((book) => {
        const sheet = book.addWorksheet('Liste');
        sheet.getRow(1).values = ['Adresse'];
        sheet.getRow(2).values = ['Markt 1'];
      }),
    );
    expect(short).toMatchObject({ headers: ['Adresse'], rows: [['Markt 1']], lines: [2] });
  });

  it('takes the first sheet with data in the order of the tabs', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('Deckblatt'); // empty
      const second = book.addWorksheet('Zweites');
      const first = book.addWorksheet('Erstes'); // stored third, shown second
      second.addRow(['b']);
      second.addRow(['2']);
      first.addRow(['a']);
      first.addRow(['1']);
      // the tab order (exceljs's orderNo, not in its typings); files are stored in order of creation
      Object.assign(first, { orderNo: 1 });
      Object.assign(second, { orderNo: 2 });
    });
    const table = await readXlsxTable(bytes);
    expect(table.info.sheet).toBe('Erstes');
    expect(table.rows).toEqual([['1']]);
  });

  it('reads a workbook of the streaming writer (entry sizes after the data, text without shared strings)', async () => {
    const table = await readXlsxTable(await streamedWorkbook(3, { useSharedStrings: false }));
    expect(table.rows).toEqual([
      ['Markt', '1'],
      ['Markt', '2'],
      ['Markt', '3'],
    ]);
    expect(table.lines).toEqual([2, 3, 4]);
  });

  it('refuses a workbook without a sheet with data, and a file that is no workbook', async () => {
    const empty = await workbook((book) => {
      book.addWorksheet('Eins');
      book.addWorksheet('Zwei').getCell('B3').style = { font: { bold: true } };
    });
    await expect(readXlsxTable(empty)).rejects.toMatchObject({
      details: { reason: 'unreadable_file', problem: 'no_sheet' },
    });
    await expect(readXlsxTable(Buffer.from('PK\u0003\u0004garbage'))).rejects.toMatchObject({
      details: { reason: 'unreadable_file', problem: 'not_xlsx' },
    });
  });
});

describe('readXlsxTable: limits, refused without reading the rest', () => {
  const limit = 1_000;

  it('reads a sheet of exactly the row limit', async () => {
    const table = await readXlsxTable(await streamedWorkbook(limit), { maxRows: limit });
    expect(table.rows).toHaveLength(limit);
    expect(table.lines.at(-1)).toBe(limit + 1);
  });

  it.each([
    ['one row more than the limit', limit + 1],
    ['three times the limit', 3 * limit],
  ])('refuses %s as the CSV reader does', async (_case, rows) => {
    await expect(readXlsxTable(await streamedWorkbook(rows), { maxRows: limit })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `The file has more than ${limit} rows; at most ${limit} can be imported at once.`,
      details: { reason: 'unreadable_file', problem: 'too_many_rows', count: null, limit },
    });
  });

  it('stops at the first row past the limit: the rest is not parsed, nothing is unpacked to disk', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Liste');
      sheet.addRow(['Straße', 'Nr']);
      for (let i = 1; i <= 10 * limit; i++) sheet.addRow(['Markt', i]); // ≈ 800 KB of XML
    });
    const broken = brokenAtTheEnd(bytes);
    // exceljs unpacks a worksheet it meets before the shared strings into a temporary file first
    const before = temporaryFiles();
    await expect(readXlsxTable(broken, { maxRows: limit })).rejects.toMatchObject({
      details: { problem: 'too_many_rows' },
    });
    expect(temporaryFiles()).toEqual(before);
    // read that far, the broken end is noticed
    await expect(readXlsxTable(broken, { maxRows: 10 * limit })).rejects.toMatchObject({
      details: { problem: 'not_xlsx' },
    });
  });

  it('refuses a header wider than the column limit at the header (empty cells at its end do not count)', async () => {
    const header = (width: number) => Array.from({ length: width }, (_, i) => `Spalte ${i + 1}`);
    const wide = await workbook((book) => {
      const sheet = book.addWorksheet('Breit');
      sheet.addRow(header(MAX_IMPORT_COLUMNS + 1));
      for (let i = 1; i <= 10_000; i++) sheet.addRow([`Zeile ${i}`, i]);
    });
    await expect(readXlsxTable(brokenAtTheEnd(wide))).rejects.toMatchObject({
      message: `The file has ${MAX_IMPORT_COLUMNS + 1} columns; at most ${MAX_IMPORT_COLUMNS} are supported.`,
      details: { problem: 'too_many_columns', count: MAX_IMPORT_COLUMNS + 1, limit: MAX_IMPORT_COLUMNS },
    });
    const atLimit = await workbook((book) => {
      const sheet = book.addWorksheet('Genau');
      sheet.addRow([...header(MAX_IMPORT_COLUMNS), '', '']);
      sheet.addRow(['x']);
    });
    expect((await readXlsxTable(atLimit)).headers).toHaveLength(MAX_IMPORT_COLUMNS);
  });
});
