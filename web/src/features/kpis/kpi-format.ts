import type { TFunction } from 'i18next';
import { formatNumber, formatPercent } from '../../lib/format';
import { kpiMeta, type BenchmarkKpi } from './definitions';

/** A KPI value as shown on screen, in the UI language (German: 11,1 %, 630 Tage, 0,58). */
export function formatKpi(t: TFunction, key: BenchmarkKpi, value: number | null): string {
  if (value === null) return '–';
  const unit = kpiMeta(key).unit;
  switch (unit) {
    case 'fraction':
      return formatPercent(value, 1);
    case 'count':
      return formatNumber(value);
    case 'signedCount': // a true minus sign, as the changes (formatKpiChange) write it
      return value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : formatNumber(0);
    case 'days':
      return t('kpi.days', { value: formatNumber(value) });
    case 'per1000':
      return formatNumber(value, 2);
  }
}

/** Difference of two values of the KPI in words: percentage points for rates. */
export function formatKpiChange(
  t: TFunction,
  key: BenchmarkKpi,
  now: number | null,
  before: number | null,
): string {
  if (now === null || before === null) return '–';
  const diff = now - before;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const abs = Math.abs(diff);
  const unit = kpiMeta(key).unit;
  if (unit === 'fraction') return t('kpi.pointsChange', { value: `${sign}${formatNumber(abs * 100, 1)}` });
  if (unit === 'days') return t('kpi.days', { value: `${sign}${formatNumber(abs)}` });
  return `${sign}${formatNumber(abs, unit === 'per1000' ? 2 : 0)}`;
}
