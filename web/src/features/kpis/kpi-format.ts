import type { TFunction } from 'i18next';
import { asShown, formatNumber, formatPercent } from '../../lib/format';
import type { StockKpis } from './api/kpis-api';
import { kpiMeta, type BenchmarkKpi } from './definitions';

/**
 * A KPI value as shown on screen, in the UI language (German: 11,1 %, 630 Tage, 0,50). Shares always
 * with one decimal, as the reports print them („40,0 %“ beside „11,2 %“, not „40 %“); an axis's round
 * ticks without (`axis`: „14 %“).
 */
export function formatKpi(t: TFunction, key: BenchmarkKpi, value: number | null, axis = false): string {
  if (value === null) return '–';
  const unit = kpiMeta(key).unit;
  switch (unit) {
    case 'fraction':
      return formatPercent(value, 1, axis ? 0 : 1);
    case 'count':
      return formatNumber(value);
    case 'signedCount': // a true minus sign, as the changes (formatKpiChange) write it
      return value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : formatNumber(0);
    case 'days':
      return t('kpi.days', { value: formatNumber(value) });
    case 'per1000': // always two decimals: „0,50“ beside „0,68“, not „0,5“
      return formatNumber(value, 2, 2);
  }
}

/**
 * Difference of two values of the KPI in words: percentage points for rates. The difference of the two
 * values as shown (13,4 % and 10,1 % are +3,3 Prozentpunkte, even when the unrounded difference is
 * 3,24), as the report computes it (reports/report-format.ts, formatChange): the same change on both.
 */
export function formatKpiChange(
  t: TFunction,
  key: BenchmarkKpi,
  now: number | null,
  before: number | null,
): string {
  if (now === null || before === null) return '–';
  const unit = kpiMeta(key).unit;
  // shares in percent with one decimal, per 1,000 with two, counts and days whole, as formatKpi shows them
  const digits = unit === 'fraction' ? 1 : unit === 'per1000' ? 2 : 0;
  const options: Intl.NumberFormatOptions = {
    maximumFractionDigits: digits,
    ...(unit === 'fraction' ? { style: 'percent' } : {}),
  };
  const diff = Number((asShown(now, options) - asShown(before, options)).toFixed(digits));
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  // with the values' decimals, as the report writes changes („−26,0“ beside „+3,1“); no change is „±0“
  const abs = diff === 0 ? '0' : formatNumber(Math.abs(diff), digits, digits);
  if (unit === 'fraction') return t('kpi.pointsChange', { value: `${sign}${abs}` });
  if (unit === 'days') return t('kpi.days', { value: `${sign}${abs}` });
  return `${sign}${abs}`;
}

/**
 * The cases a rate rests on, to stand beside it: the conversion rate „2 von 5“ (100 % from one case is
 * no finding). Null for the other KPIs and without evaluated interventions (the rate is „–“ then).
 */
export function kpiCases(
  t: TFunction,
  key: BenchmarkKpi,
  kpis: Pick<StockKpis, 'interventionsEvaluated' | 'interventionsConverted'>,
): string | null {
  if (key !== 'interventionConversionRate' || kpis.interventionsEvaluated === 0) return null;
  return t('kpi.cases', {
    converted: formatNumber(kpis.interventionsConverted),
    evaluated: formatNumber(kpis.interventionsEvaluated),
  });
}
