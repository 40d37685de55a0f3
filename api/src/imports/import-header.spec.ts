import ExcelJS from 'exceljs';
import { parseImportFile } from './import-file.js';
import { suggestColumns } from './import-vocabulary.js';

/** The reviewer's list: a title, a header over two rows with merged cells, a total row. */
async function twoRowHeaderWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Leerstand 2026');
  ws.addRow(['Leerstandskataster Innenstadt Mühlhausen']);
  ws.mergeCells('A1:L1');
  ws.addRow(['Stand: 30.11.2026']);
  ws.addRow([]);
  ws.addRow([
    'Lfd. Nr.',
    'Lage',
    '',
    'Nutzung',
    '',
    '',
    'Leerstand seit',
    'Fläche (m²)',
    'Koordinaten',
    '',
    'Eigentümer',
    'Bemerkung',
  ]);
  ws.addRow([
    '',
    'Straße',
    'Hausnr.',
    'Status',
    'Branche',
    'Mieter / Nutzer',
    '',
    '',
    'Breite',
    'Länge',
    '',
    '',
  ]);
  for (const range of ['A4:A5', 'B4:C4', 'D4:F4', 'G4:G5', 'H4:H5', 'I4:J4', 'K4:K5', 'L4:L5'])
    ws.mergeCells(range);
  ws.addRow([
    1,
    'Marktstr.',
    '1',
    'leer',
    '',
    '',
    '01.04.2026',
    85,
    '51,208981',
    '10,458847',
    'Fam. Becker',
    '',
  ]);
  ws.addRow([2, 'Marktstraße', '5', 'Leerstand', '', '', '1.5.26', 60, 51.208787, 10.458913, '', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a header over two rows', () => {
  it('names the columns by the sub-header where it has one, else by the top; data starts below both', async () => {
    const table = await parseImportFile(await twoRowHeaderWorkbook(), 'xlsx');
    expect(table.headers).toEqual([
      'Lfd. Nr.',
      'Straße',
      'Hausnr.',
      'Status',
      'Branche',
      'Mieter / Nutzer',
      'Leerstand seit',
      'Fläche (m²)',
      'Breite',
      'Länge',
      'Eigentümer',
      'Bemerkung',
    ]);
    expect(table.lines).toEqual([6, 7]);
    expect(table.rows[0]!.slice(0, 4)).toEqual(['1', 'Marktstr.', '1', 'leer']);
    expect(table.problems).toEqual([
      expect.objectContaining({ line: 5, code: 'HEADER_TWO_ROWS', severity: 'warning' }),
    ]);
    expect(suggestColumns(table.headers)).toMatchObject({
      street: 'Straße',
      houseNumber: 'Hausnr.',
      status: 'Status',
      useCategory: 'Branche',
      businessName: 'Mieter / Nutzer',
      statusSince: 'Leerstand seit',
      lat: 'Breite',
      lon: 'Länge',
    });
  });

  it('keeps the top name in front where a sub-header would repeat another column’s name', async () => {
    const csv = ['Adresse;Alt;;Neu;', ';Status;seit;Status;seit', 'Markt 1;leer;2024;belegt;2025'].join('\n');
    const table = await parseImportFile(Buffer.from(csv), 'csv');
    expect(table.headers).toEqual(['Adresse', 'Alt – Status', 'Alt – seit', 'Neu – Status', 'Neu – seit']);
    expect(table.lines).toEqual([3]);
  });
});

describe('a column with values but no header', () => {
  it('is named by its letter, with a warning, so that it can be mapped', async () => {
    const csv = ['Straße;Hausnr.;;Status', 'Markt;1;Café Linde;leer', 'Markt;2;;leer'].join('\n');
    const table = await parseImportFile(Buffer.from(csv), 'csv');
    expect(table.headers).toEqual(['Straße', 'Hausnr.', 'Spalte C', 'Status']);
    expect(table.lines).toEqual([2, 3]);
    expect(table.problems).toEqual([
      {
        line: 1,
        column: 'Spalte C',
        value: null,
        code: 'UNNAMED_COLUMN',
        severity: 'warning',
        reason: 'Column C has values but no header: it is called „Spalte C“ so that it can be mapped.',
      },
    ]);
  });

  it('does not take a data row for a sub-header', async () => {
    const csv = ['Straße;Hausnr.;;Status', 'Markt;1;;leer', 'Markt;2;;leer'].join('\n');
    const table = await parseImportFile(Buffer.from(csv), 'csv');
    expect(table.headers).toEqual(['Straße', 'Hausnr.', '', 'Status']);
    expect(table.rows).toHaveLength(2);
    expect(table.problems).toEqual([]);
  });
});
