import type { TFunction } from 'i18next';
import type { CsvCell } from '../../lib/csv';
import type { InterventionsByTypeAndTown, InterventionTownCell } from './api/interventions-api';

type Measure = InterventionsByTypeAndTown['types'][number]['measure'];

/** The results a cell names, in the order it names them (zero counts are left out). */
const RESULTS = ['success', 'failure', 'otherTenant', 'overdue', 'pending'] as const;

/**
 * One cell of the table „Art × Stadt“ in words: „4 erprobt: 1 erfolgreich, 1 ohne Erfolg,
 * 1 Kontrolle überfällig, 1 noch offen“; for a type without a 12-month measure „2 erprobt (nicht
 * erhoben)“; null when the town tried none (the table shows a dash). `number` writes a count as the
 * UI language does.
 */
export function typeTownCellText(
  cell: InterventionTownCell,
  measure: Measure,
  t: TFunction,
  number: (n: number) => string,
): string | null {
  if (cell.tried === 0) return null;
  const tried = t('kb.matrix.tried', { count: cell.tried, n: number(cell.tried) });
  if (measure === 'none') return `${tried} (${t('kb.matrix.notMeasured')})`;
  const results = RESULTS.filter((r) => cell[r] > 0).map((r) =>
    t(`kb.matrix.${r}`, { count: cell[r], n: number(cell[r]) }),
  );
  return `${tried}: ${results.join(', ')}`;
}

/**
 * The table as a file, one line per type and town (every pair, also those with nothing tried), the
 * counts in columns of their own so that a spreadsheet can sum and pivot them. The results stay empty
 * for a type without a 12-month measure: „not measured“ is not „0“.
 */
export function typeTownCsv(
  table: InterventionsByTypeAndTown,
  t: TFunction,
  day: (iso: string) => string,
): { header: string[]; body: CsvCell[][] } {
  const header = [
    t('kb.type'),
    t('kb.town'),
    t('kpi.csvAsOf'),
    t('kb.matrix.csv.tried'),
    ...RESULTS.map((r) => t(`kb.matrix.csv.${r}`)),
    t('kpi.csvSynthetic'),
  ];
  const towns = new Map(table.towns.map((town) => [town.id, town]));
  const body = table.types.flatMap((row) =>
    row.towns.map((cell) => {
      const town = towns.get(cell.cityId);
      return [
        t(`interventionType.${row.type}`),
        town?.name ?? cell.cityId,
        day(table.asOf),
        cell.tried,
        ...RESULTS.map((r) => (row.measure === 'none' ? null : cell[r])),
        town?.synthetic ? t('kpi.csvYes') : t('kpi.csvNo'),
      ];
    }),
  );
  return { header, body };
}
