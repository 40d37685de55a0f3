import { loadExcelJs } from '../common/excel.js';

/** A table to hand out: headers and typed cells (numbers stay numbers, for spreadsheets). */
export type Cell = string | number | boolean | null;
export interface ExportTable {
  name: string;
  headers: string[];
  rows: Cell[][];
}

/** A table whose rows are read batch by batch while it is sent (exports.repository.ts, cursors). */
export interface ExportTableStream {
  name: string;
  headers: string[];
  batches: AsyncIterable<Cell[][]>;
}

export interface CsvOptions {
  /** German Excel: semicolon, decimal comma, UTF-8 BOM (so that Excel reads umlauts). */
  excelDe: boolean;
}

/**
 * Spreadsheets execute cells that start with = + - @ (and tab/CR, which some strip first) as
 * formulas. Text cells starting so get a leading apostrophe, which Excel and LibreOffice show as text.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell, options: CsvOptions): string {
  if (value === null) return '';
  if (typeof value === 'number') return options.excelDe ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return /[";,\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its line break (CRLF, also after the last record). */
export function csvLine(row: readonly Cell[], options: CsvOptions): string {
  return `${row.map((value) => csvCell(value, options)).join(options.excelDe ? ';' : ',')}\r\n`;
}

/** What a CSV file starts with: the byte order mark for German Excel, else nothing. */
export function csvStart(options: CsvOptions): string {
  return options.excelDe ? '\uFEFF' : '';
}

export function toCsv(table: ExportTable, options: CsvOptions): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => csvLine(row, options));
  return Buffer.from(csvStart(options) + lines.join(''), 'utf8');
}

/**
 * The CSV text of a streamed table, one piece per batch of rows. The first piece (byte order mark,
 * header and the first batch) is only produced once the first batch has been read, so a failing
 * query is still answered with an error instead of a file (export-download.ts).
 */
export async function* csvPieces(table: ExportTableStream, options: CsvOptions): AsyncGenerator<string> {
  let head = csvStart(options) + csvLine(table.headers, options);
  for await (const rows of table.batches) {
    yield head + rows.map((row) => csvLine(row, options)).join('');
    head = '';
  }
  if (head) yield head;
}

/**
 * Writes the tables as sheets of an Excel workbook to the file at `path`, batch by batch (exceljs'
 * streaming writer, strings inline): memory holds one batch, not the workbook — built in memory,
 * 200,000 units took ≈ 3 GB and minutes. Header row bold and frozen, columns as wide as their
 * headers (10–40), text cells neutralised against formulas. Excel takes at most 1,048,576 rows a sheet:
 * the caller checks the sizes first (exports.service.ts).
 */
/** Columns holding days (YYYY-MM-DD): Excel date cells in a workbook, so that Excel sorts and filters them as dates. */
const DATE_COLUMNS = new Set(['statusSince', 'verifiedAt', 'validFrom', 'validTo']);

/** A cell as the workbook stores it: a day as a date (UTC midnight: no time zone shifts it), text neutralised. */
function xlsxCell(value: Cell, isDate: boolean): Cell | Date {
  if (typeof value !== 'string') return value;
  if (isDate && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return neutraliseFormula(value);
}

export async function writeXlsx(path: string, tables: ExportTableStream[]): Promise<void> {
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: true,
  });
  workbook.creator = 'Schaufenster';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    table.headers.forEach(
      (h, i) => (sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length + 4))),
    );
    const dates = table.headers.map((h) => DATE_COLUMNS.has(h));
    dates.forEach((isDate, i) => {
      if (isDate) sheet.getColumn(i + 1).numFmt = 'dd.mm.yyyy';
    });
    const header = sheet.addRow(table.headers);
    header.font = { bold: true };
    header.commit();
    for await (const rows of table.batches) {
      for (const row of rows) {
        sheet.addRow(row.map((v, i) => xlsxCell(v, dates[i] === true))).commit();
      }
    }
    sheet.commit();
  }
  await workbook.commit();
}
