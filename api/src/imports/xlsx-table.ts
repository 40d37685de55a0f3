import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../common/excel.js';
import { todayIso } from '../common/validators.js';
import { titleDate } from './import-values.js';
import { DomainError } from '../common/domain-error.js';
import type { ParsedTable } from './import.types.js';
import { nameColumns } from './import-header.js';
import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  MAX_TITLE_ROWS,
  namesColumns,
  tooManyColumns,
  tooManyRows,
} from './unreadable.js';
import { noSheet, notXlsx, openWorkbookPackage } from './xlsx-package.js';

/** A sheet's table, and the text of the title rows above its header (for the list's date). */
type Sheet = Pick<ParsedTable, 'headers' | 'rows' | 'lines'> & { title: string; headerLine: number };

/**
 * The first sheet with data of an .xlsx as a table (run in the worker of import-file.ts). Read row by
 * row with exceljs's streaming reader: it stops at the first row past the row limit, and at a header
 * wider than the column limit, refused as a CSV over the limits is, without reading the rest.
 * `maxRows`: the row limit (tests lower it).
 */
export async function readXlsxTable(
  bytes: Uint8Array,
  { maxRows = MAX_IMPORT_ROWS } = {},
): Promise<ParsedTable> {
  try {
    const workbook = openWorkbookPackage(bytes);
    const reader = new (await loadExcelJs()).stream.xlsx.WorkbookReader(workbook.readingOrder(), {
      sharedStrings: 'cache',
      styles: 'cache', // number formats: which numbers are dates
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let index = 0;
    // the worksheets come in the order readingOrder() hands them over: tab order
    for await (const worksheet of reader) {
      const sheet = await readSheet(worksheet, maxRows, workbook.date1904);
      if (sheet) {
        const { title, headerLine, ...table } = sheet;
        return {
          ...nameColumns({ ...table, problems: [] }, headerLine),
          info: {
            format: 'xlsx',
            encoding: 'binary',
            bom: false,
            delimiter: null,
            sheet: workbook.sheets[index]!.name,
            listDate: titleDate(title, todayIso()),
          },
        };
      }
      index++;
    }
    throw noSheet();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notXlsx(); // what exceljs could not read
  }
}

/**
 * A worksheet's table, or null when no cell has a value. The header is the first row with a value
 * (after title lines, if any);
 * rows whose cells are all empty are left out; each row keeps its number in the sheet (`lines`), cut
 * or padded to the header's width (empty header cells at its end do not count).
 */
async function readSheet(
  worksheet: ExcelJS.stream.xlsx.WorksheetReader,
  maxRows: number,
  date1904: boolean,
): Promise<Sheet | null> {
  let headers = null as string[] | null; // (set in accept: no narrowing to null)
  let headerLine = 1;
  const rows: string[][] = [];
  const lines: number[] = [];
  const accept = (cells: string[], number: number): void => {
    if (headers === null) {
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > MAX_IMPORT_COLUMNS) throw tooManyColumns(cells.length);
      headers = cells;
      headerLine = number;
      return;
    }
    if (cells.every((v) => v === '')) return;
    if (rows.length === maxRows) throw tooManyRows(null, maxRows);
    rows.push(cells.slice(0, headers.length));
    lines.push(number);
  };
  // Rows of one value before the header may be a title above the table (unreadable.ts titleRowCount):
  // held back until a row naming columns shows they were (dropped), or the title limit or the sheet's
  // end shows they were not (read as before: the first is the header).
  const held: { cells: string[]; number: number }[] = [];
  let title = '';
  const release = (): void => {
    for (const r of held.splice(0)) accept(r.cells, r.number);
  };
  for await (const row of worksheet) {
    if (!row.hasValues) continue;
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, headers?.length ?? 0); c++) {
      cells.push(cellText(row.getCell(c), date1904));
    }
    if (headers === null && !namesColumns(cells)) {
      held.push({ cells, number: row.number });
      if (held.length > MAX_TITLE_ROWS) release();
      continue;
    }
    if (headers === null)
      title = held
        .splice(0)
        .map((r) => r.cells.join(' '))
        .join(' '); // a title
    accept(cells, row.number);
  }
  if (headers === null) release();
  return headers && { headers, rows, lines, title, headerLine };
}

/** An Excel cell as the text a user sees (numbers with a dot, dates as YYYY-MM-DD). */
function cellText(cell: ExcelJS.Cell, date1904: boolean): string {
  const value = cell.value;
  // The streaming reader gives a formula's result as a number whatever it is (an error NaN, TRUE 1,
  // FALSE 0). A formula cell's value leaves out a result that is falsy (0, ''), which the cell itself
  // keeps; a formula filled down a column (a shared formula) is a plain object with its result, and the
  // cell has none. A result in a date format becomes its date, as exceljs's whole-workbook reader did.
  if (isFormula(value)) {
    const result = (value.result ?? cell.result ?? null) as ExcelJS.CellValue;
    if (typeof result !== 'number') return valueText(result);
    if (Number.isNaN(result)) return '';
    return valueText(isDateFormat(cell.numFmt) ? excelDate(result, date1904) : result);
  }
  return valueText(value);
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('result' in value) return valueText(value.result ?? null);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return '';
}

const isFormula = (value: ExcelJS.CellValue): value is ExcelJS.CellFormulaValue =>
  typeof value === 'object' && value !== null && 'formula' in value;

/** exceljs's own test for a date format (utils.isDateFmt): y, m, d, h, s outside quotes and brackets. */
const isDateFormat = (format: string | undefined): boolean =>
  !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** exceljs's conversion of a serial number to a date (utils.excelToDate). */
const excelDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
