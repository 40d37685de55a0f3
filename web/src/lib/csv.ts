/**
 * CSV for spreadsheets. `german` = what German Excel opens correctly: semicolon separator,
 * decimal comma and a UTF-8 byte order mark; otherwise comma, decimal point, no BOM.
 * Text cells starting with = + - @ (or tab/CR) are prefixed with an apostrophe so a spreadsheet
 * never evaluates them as formulas (CSV/formula injection); numbers are written as numbers.
 */
export interface CsvOptions {
  german: boolean;
}

/** A number written with exactly `digits` decimals („0,50“ beside „0,68“ in a column). */
export interface CsvDecimal {
  number: number;
  digits: number;
}

export type CsvCell = string | number | CsvDecimal | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell, options: CsvOptions): string {
  if (value === null) return '';
  const separator = options.german ? ';' : ',';
  const text =
    typeof value === 'string'
      ? neutraliseFormula(value)
      : decimalComma(typeof value === 'number' ? String(value) : value.number.toFixed(value.digits), options);
  return text.includes(separator) || /["\n\r]/.test(text) || (typeof value === 'string' && text.includes(','))
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

const decimalComma = (text: string, options: CsvOptions): string =>
  options.german ? text.replace('.', ',') : text;

export function toCsv(header: string[], rows: CsvCell[][], options: CsvOptions): string {
  const separator = options.german ? ';' : ',';
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, options)).join(separator));
  return `${options.german ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** Offers the CSV as a file download. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
