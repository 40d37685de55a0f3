import { loadExcelJs } from '../common/excel.js';

/** A table to hand out: headers and typed cells (numbers stay numbers, for spreadsheets). */
export type Cell = string | number | boolean | null;
export interface ExportTable {
  name: string;
  headers: string[];
  rows: Cell[][];
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

export function toCsv(table: ExportTable, options: CsvOptions): Buffer {
  const delimiter = options.excelDe ? ';' : ',';
  const cell = (value: Cell): string => {
    if (value === null) return '';
    if (typeof value === 'number') return options.excelDe ? String(value).replace('.', ',') : String(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    const text = neutraliseFormula(value);
    return /[";,\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.headers, ...table.rows].map((row) => row.map(cell).join(delimiter));
  const text = `${lines.join('\r\n')}\r\n`;
  return Buffer.concat([
    options.excelDe ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]);
}

export async function toXlsx(tables: ExportTable[]): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Schaufenster';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows)
      sheet.addRow(row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    table.headers.forEach(
      (h, i) => (sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length + 4))),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
