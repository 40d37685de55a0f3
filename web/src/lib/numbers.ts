/**
 * Numbers typed into forms, read the way the UI language writes them: German `1.234,5` or `1234,5`,
 * English `1,234.5` or `1234.5`. A unit after the number (`€`, `EUR`, `m²`, `m2`, `qm`, `m`) and spaces
 * as thousands separators are allowed.
 *
 * A lone separator of the other language is read as the decimal mark when it cannot be a thousands
 * separator (German `85.5`, English `85,5`); with exactly three digits after it, it is one (German
 * `1.500` = 1500). Anything else is not a number: the form says so instead of saving something else.
 */
export type ParsedNumber = number | null | 'invalid';

const UNIT = /\s*(€|eur|m²|m2|qm|m)$/i;
/** A space between digits groups thousands only when exactly three digits follow it (`1 234,5`). */
const GROUPING_SPACE = /(?<=\d)[\s\u00a0\u202f](?=\d{3}(\D|$))/g;

export function parseDecimal(text: string, language: string): ParsedNumber {
  const bare = text.trim().replace(UNIT, '').replace(GROUPING_SPACE, '');
  if (bare === '') return text.trim() === '' ? null : 'invalid';
  const [decimal, group] = language === 'en' ? ['.', ','] : [',', '.'];
  const d = `\\${decimal}`;
  const g = `\\${group}`;
  let normalised: string | undefined;
  if (new RegExp(`^[-+]?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`).test(bare)) {
    normalised = bare.split(group).join('').replace(decimal, '.');
  } else if (new RegExp(`^[-+]?(\\d+(${d}\\d*)?|${d}\\d+)$`).test(bare)) {
    normalised = bare.replace(decimal, '.');
  } else if (new RegExp(`^[-+]?\\d+${g}(\\d{1,2}|\\d{4,})$`).test(bare)) {
    normalised = bare.replace(group, '.');
  }
  if (normalised === undefined) return 'invalid';
  const value = Number(normalised);
  return Number.isFinite(value) ? value : 'invalid';
}

/** A stored number as a form shows it for editing: the language's decimal mark, no thousands separators. */
export function decimalInput(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return language === 'en' ? text : text.replace('.', ',');
}

/**
 * A coordinate in decimal degrees as typed or pasted: `51,2081`, `51.2081`, `51.2081°`; a dot or a comma
 * is always the decimal mark (coordinates have no thousands). Null when empty; 'invalid' when not a
 * number or beyond ±`limit` (90 for latitude, 180 for longitude).
 */
export function parseCoordinate(text: string, limit: 90 | 180): ParsedNumber {
  const bare = text.trim().replace(/\s*°$/, '');
  if (bare === '') return null;
  if (!/^[-+]?\d{1,3}([.,]\d+)?$/.test(bare)) return 'invalid';
  const value = Number(bare.replace(',', '.'));
  return Math.abs(value) <= limit ? value : 'invalid';
}
