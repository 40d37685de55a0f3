import type { ImportProblem, ParsedTable } from './import.types.js';
import { fieldOfHeader } from './import-vocabulary.js';

type Table = Pick<ParsedTable, 'headers' | 'rows' | 'lines' | 'problems'>;

/** Sub-header cells the vocabulary must recognise for the row below the header to be part of it. */
const MIN_NAMED_SUBHEADERS = 2;

/** A column's letter as a spreadsheet shows it (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Gives every column with values a header that can be chosen in the mapping. A header over two rows
 * (merged cells „Lage“ over „Straße | Hausnr.“, „Koordinaten“ over „Breite | Länge“) has empty cells
 * in its first row; when the row below names columns (two of its cells or more are words of the
 * vocabulary), the two rows are the header — each column named by its sub-header where it has one,
 * else by the top one (the longer „Lage – Straße“ only where a name would repeat) — and data starts
 * below them (HEADER_TWO_ROWS, a warning). A column that still has values but no header is named
 * „Spalte C“ (UNNAMED_COLUMN, a warning): it could not be chosen, and its values showed as another
 * column's. `headerLine` is the header's line in the file.
 */
export function nameColumns<T extends Table>(table: T, headerLine: number): T {
  const { headers } = table;
  if (!headers.some((h) => h === '')) return table;
  const merged = subHeader(table) ? mergeHeaderRows(table, headerLine) : table;
  return nameEmptyColumns(merged, merged === table ? headerLine : table.lines[0]!);
}

/** The first data row names columns the header leaves empty, in the vocabulary's words. */
function subHeader({ headers, rows }: Table): boolean {
  const below = rows[0];
  if (!below || rows.length < 2) return false;
  const named = below.filter((cell) => cell !== '' && fieldOfHeader(cell) !== null).length;
  const fillsGap = headers.some((h, i) => h === '' && (below[i] ?? '') !== '');
  return named >= MIN_NAMED_SUBHEADERS && fillsGap;
}

function mergeHeaderRows<T extends Table>(table: T, headerLine: number): T {
  const [below, ...rows] = table.rows;
  const [subLine, ...lines] = table.lines;
  let top = '';
  const spans = table.headers.map((h) => (top = h || top)); // a merged top cell spans the empty ones after it
  const names = table.headers.map((h, i) => (below![i] ?? '').trim() || h);
  const headers = names.map((name, i) =>
    name !== '' && names.indexOf(name) !== names.lastIndexOf(name) && spans[i] && spans[i] !== name
      ? `${spans[i]} – ${name}`
      : name,
  );
  const problem: ImportProblem = {
    line: subLine!,
    column: null,
    value: headers.filter((h) => h !== '').join(', '),
    code: 'HEADER_TWO_ROWS',
    severity: 'warning',
    reason: `The header spans two rows (lines ${headerLine} and ${subLine}): the columns are named by the second row where it names one, else by the first; the data starts below.`,
  };
  return { ...table, headers, rows, lines, problems: [problem, ...table.problems] };
}

function nameEmptyColumns<T extends Table>(table: T, headerLine: number): T {
  const unnamed = table.headers.flatMap((h, i) =>
    h === '' && table.rows.some((r) => (r[i] ?? '') !== '') ? [i] : [],
  );
  if (unnamed.length === 0) return table;
  const headers = [...table.headers];
  const problems: ImportProblem[] = unnamed.map((i) => {
    headers[i] = `Spalte ${columnLetter(i)}`;
    return {
      line: headerLine,
      column: headers[i],
      value: null,
      code: 'UNNAMED_COLUMN',
      severity: 'warning',
      reason: `Column ${columnLetter(i)} has values but no header: it is called „${headers[i]}“ so that it can be mapped.`,
    };
  });
  return { ...table, headers, problems: [...problems, ...table.problems] };
}
