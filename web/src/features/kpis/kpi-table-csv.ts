import type { TFunction } from 'i18next';
import type { TownKpis } from './api/kpis-api';
import type { CsvCell } from '../../lib/csv';
import { BENCHMARK_KPIS, kpiValue } from './definitions';

type Unit = (typeof BENCHMARK_KPIS)[number]['unit'];

/** A value as the table shows it: shares in percent with one decimal, per 1,000 with two, counts and days whole. */
export function csvValue(unit: Unit, v: number | null): number | null {
  if (v === null) return null;
  if (unit === 'fraction') return Math.round(v * 1000) / 10;
  if (unit === 'per1000') return Math.round(v * 100) / 100;
  return Math.round(v);
}

/** The cell of a value: shares and per 1,000 with their decimals always written („0,50“, „40,0“). */
export function csvCell(unit: Unit, v: number | null): CsvCell {
  const value = csvValue(unit, v);
  if (value === null) return null;
  if (unit === 'fraction') return { number: value, digits: 1 };
  if (unit === 'per1000') return { number: value, digits: 2 };
  return value;
}

const UNIT_SUFFIX: Partial<Record<Unit, string>> = {
  fraction: 'kpi.csvUnit.percent',
  days: 'kpi.csvUnit.days',
};

/**
 * The benchmark table as a file for slides and spreadsheets, with what a reader needs once it has left
 * the dashboard: the reference date on every row, each column's unit, whether the town's downtown
 * perimeter is provisional (the table's „*“) and whether its data are synthetic demo data — and the counts
 * the rates rest on (vacant units, interventions evaluated and converted), so that a rate of one case can be
 * told from one of twenty.
 */
export function kpiTableCsv(
  rows: readonly TownKpis[],
  names: ReadonlyMap<string, string>,
  /** The towns whose data are synthetic demo data. */
  synthetic: ReadonlySet<string>,
  asOf: string,
  t: TFunction,
  /** Writes a date as the UI language does (as the knowledge base's file does). */
  day: (iso: string) => string,
): { header: string[]; body: CsvCell[][] } {
  const yesNo = (b: boolean) => (b ? t('kpi.csvYes') : t('kpi.csvNo'));
  const header = [
    t('benchmark.town'),
    t('kpi.csvAsOf'),
    ...BENCHMARK_KPIS.map((k) => {
      const suffix = UNIT_SUFFIX[k.unit];
      return `${t(`kpi.${k.key}.label`)}${suffix ? ` (${t(suffix)})` : ''}`;
    }),
    t('kpi.csvVacantUnits'),
    t('kpi.csvInterventionsEvaluated'),
    t('kpi.csvInterventionsConverted'),
    t('kpi.csvProvisionalPerimeter'),
    t('kpi.csvSynthetic'),
  ];
  const body = rows.map((k) => [
    names.get(k.cityId) ?? k.cityId,
    day(asOf),
    ...BENCHMARK_KPIS.map((m) => csvCell(m.unit, kpiValue(k, m.key))),
    k.vacantUnits,
    k.interventionsEvaluated,
    k.interventionsConverted,
    yesNo(k.perimeterIsPlaceholder),
    yesNo(synthetic.has(k.cityId)),
  ]);
  return { header, body };
}
