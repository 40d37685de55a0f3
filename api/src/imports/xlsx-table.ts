import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../common/excel.js';
import type { ParsedTable } from './import.types.js';
import { unreadable } from './unreadable.js';

/** The first sheet with data of an .xlsx as a table (run in the worker of import-file.ts). */
export async function readXlsxTable(bytes: Uint8Array): Promise<ParsedTable> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw unreadable(
      'not_xlsx',
      'The file cannot be read as an Excel workbook (.xlsx). Older .xls files must be saved as .xlsx first.',
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw unreadable('no_sheet', 'The workbook has no sheet with data.');
  const rows: string[][] = [];
  const lines: number[] = [];
  let headers: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    if (headers.length === 0) {
      headers = cells;
      return;
    }
    if (cells.every((v) => v === '')) return;
    rows.push(cells);
    lines.push(number);
  });
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const width = headers.length;
  return {
    headers,
    rows: rows.map((r) => r.slice(0, width)),
    lines,
    problems: [],
    info: { format: 'xlsx', encoding: 'binary', bom: false, delimiter: null, sheet: sheet.name },
  };
}

/** An Excel cell as the text a user sees (numbers with a dot, dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('result' in value) return cellText(value.result ?? null);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return '';
}
