import type { TFunction } from 'i18next';
import type { KpiKind } from './report-format';
import type { FlowKpis, StockKpis } from './api/report-types';

/** A row of the KPI sheet: where the value is in /api/kpis and whether the network summary has it. */
export interface KpiRow {
  key: string;
  kind: KpiKind;
  source: 'stock' | 'flow';
  /** The KPI is one of the network summary's (api/src/kpis/kpi.types.ts SUMMARY_KPIS). */
  inSummary: boolean;
}

type StockKey = Exclude<keyof StockKpis, 'useMix'>;
type FlowKey = Exclude<keyof FlowKpis, 'from' | 'to'>;

const stock = (key: StockKey, kind: KpiKind, inSummary = true): KpiRow => ({
  key,
  kind,
  source: 'stock',
  inSummary,
});
const flow = (key: FlowKey, inSummary = true, kind: KpiKind = 'count'): KpiRow => ({
  key,
  kind,
  source: 'flow',
  inSummary,
});

export const STOCK_ROWS: KpiRow[] = [
  stock('units', 'count'),
  stock('vacantUnits', 'count', false),
  stock('vacancyRate', 'share'),
  stock('notInUseRate', 'share'),
  stock('vacancyRateByArea', 'share'),
  stock('longTermVacantUnits', 'count', false),
  stock('longTermVacancyShare', 'share'),
  stock('medianVacancyDays', 'days'),
  stock('temporaryUseShare', 'share'),
  stock('vacantPer1000Inhabitants', 'per1000'),
  stock('dataFreshness', 'share'),
  stock('interventionConversionRate', 'share'),
];

export const FLOW_ROWS: KpiRow[] = [
  flow('openings'),
  flow('closures'),
  flow('netChange'),
  flow('reLettings', false),
  flow('medianReLettingDays', true, 'days'),
];

/** The value of a row in a town's KPI answer, exactly as the API gave it. */
export function kpiValue(row: KpiRow, kpis: StockKpis & { flows: FlowKpis }): number | null {
  const source = (row.source === 'stock' ? kpis : kpis.flows) as unknown as Record<string, unknown>;
  const value = source[row.key];
  return typeof value === 'number' ? value : null;
}

/**
 * What a row's value rests on, printed under it: the conversion rate's „2 von 5“ (evaluated so far, as
 * its label says; short, so the sheet's value columns stay narrow). Null for other rows and without
 * evaluated interventions.
 */
export function kpiCases(row: KpiRow, kpis: StockKpis, t: TFunction): string | null {
  if (row.key !== 'interventionConversionRate' || kpis.interventionsEvaluated === 0) return null;
  return t('kpi.cases', {
    converted: kpis.interventionsConverted,
    evaluated: kpis.interventionsEvaluated,
  });
}
