import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded with the first workbook read or written rather than with the API (≈ 28 MB and 0.4 s
 * that a process serving maps and lists does not need).
 */
export const loadExcelJs = (): Promise<typeof ExcelJS> =>
  (excel ??= import('exceljs').then((module) => module.default));

/** Rows an Excel sheet holds below its header row: Excel's limit of 1,048,576 rows, less one. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;
