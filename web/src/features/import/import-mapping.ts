import type { OccupancyStatus, UseCategory } from '../../lib/domain';
import type { ImportField, ImportMapping, ImportProblem, ImportSuggestions } from './api/imports-api';

/**
 * Pure steps of the import page: changing a column or value mapping, counting problems, progress,
 * export links. No React, no fetching (tested in import-mapping.spec.ts).
 */

/** Cell texts of a column with the status (or category) each one maps to; '' = not chosen yet. */
export interface ValueChoice<T extends string> {
  value: string;
  target: T | '';
}

/** The value mapping for the distinct texts of a column: the user's choice, else the API's guess. */
export function valueChoices<T extends string>(
  values: string[],
  chosen: Record<string, T>,
  known: Record<string, T | null>,
): ValueChoice<T>[] {
  return values.map((value) => ({ value, target: chosen[value] ?? known[value] ?? '' }));
}

/**
 * The distinct texts of the column mapped to a field; none while no column is: a column without a
 * header is keyed '' too, and its values showed as the status values of a list with no status column.
 */
export function valuesOfColumn(values: Record<string, string[]>, header: string | undefined): string[] {
  return header !== undefined && header !== '' && Object.hasOwn(values, header) ? values[header]! : [];
}

/** Only the chosen values go to the API (unchosen ones are reported per row as unknown). */
export function choicesToRecord<T extends string>(choices: ValueChoice<T>[]): Record<string, T> {
  const record: Record<string, T> = {};
  for (const c of choices) if (c.target !== '') record[c.value] = c.target;
  return record;
}

/**
 * Assigns a header to a field ('' removes it). A new status or category column gets its value
 * mapping from the API's known words, so the suggestions stay preselected.
 */
export function withColumn(
  mapping: ImportMapping,
  field: ImportField,
  header: string,
  suggestions: Pick<ImportSuggestions, 'values' | 'knownStatuses' | 'knownCategories'>,
): ImportMapping {
  const columns = { ...mapping.columns };
  if (header === '') delete columns[field];
  else columns[field] = header;
  const next: ImportMapping = { ...mapping, columns };
  if (field === 'status') {
    next.statusValues = choicesToRecord(
      valueChoices<OccupancyStatus>(
        valuesOfColumn(suggestions.values, header),
        {},
        suggestions.knownStatuses,
      ),
    );
  }
  if (field === 'useCategory') {
    next.categoryValues = choicesToRecord(
      valueChoices<UseCategory>(valuesOfColumn(suggestions.values, header), {}, suggestions.knownCategories),
    );
  }
  return next;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Distinct lines with at least one error. */
  rowsWithErrors: number;
}

export function countProblems(problems: ImportProblem[]): ProblemCounts {
  const errorLines = new Set<number>();
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') {
      errors++;
      errorLines.add(p.line);
    } else warnings++;
  }
  return { errors, warnings, rowsWithErrors: errorLines.size };
}

/** Share of rows written so far, 0…1 (0 for an empty file). */
export function progressShare(processed: number, rowCount: number): number {
  if (rowCount <= 0) return 0;
  return Math.min(1, Math.max(0, processed / rowCount));
}

export interface ExportLink {
  format: 'csvExcel' | 'xlsx' | 'geojson';
  href: string;
  /** The file's media type, asked for in `Accept`. */
  accept: string;
}

/** Download links of the town's storefronts (docs/import-export.md, "Exports"). */
export function exportLinks(cityId: string): ExportLink[] {
  const id = encodeURIComponent(cityId);
  return [
    { format: 'csvExcel', href: `/api/exports/storefronts.csv?cityId=${id}&excel=de`, accept: 'text/csv' },
    {
      format: 'xlsx',
      href: `/api/exports/storefronts.xlsx?cityId=${id}`,
      accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    {
      format: 'geojson',
      href: `/api/exports/storefronts.geojson?cityId=${id}`,
      accept: 'application/geo+json',
    },
  ];
}
