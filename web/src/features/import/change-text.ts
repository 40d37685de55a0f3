import type { TFunction } from 'i18next';
import { formatNumber } from '../../lib/format';
import { displayValue } from '../audit/change-diff';
import type { FieldChange } from './api/imports-api';

const NUMERIC = new Set(['floorAreaM2', 'frontageM']);

/**
 * One planned change of a dry run in words, as the change history says it: „Betrieb: Beta → Gamma“,
 * „Status: Leerstand → Genutzt“, „Position: um 7 m verschoben“ (labels `changes.field.*`, values by
 * the change history's displayValue).
 */
export function describeChange(change: FieldChange, t: TFunction): string {
  const label = t(`changes.field.${change.field}`);
  if (change.field === 'location')
    return t('import.changes.moved', { label, metres: formatNumber(Number(change.after ?? 0)) });
  if (change.field === 'history' || change.field === 'contact') return t(`import.changes.${change.field}`);
  const show = (text: string | null): string =>
    displayValue(change.field, text !== null && NUMERIC.has(change.field) ? Number(text) : text, t);
  return `${label}: ${show(change.before)} → ${show(change.after)}`;
}
