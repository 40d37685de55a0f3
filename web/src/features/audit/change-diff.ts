import i18n, { type TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { ChangeRecord } from './api/changes-api';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Fields whose values the audit trail never shows, even if a record carried them; `import` is the
 * bookkeeping a unit's record from an import carries (which import, which line): see importText.
 */
const HIDDEN = new Set(['version', 'updatedAt', 'createdAt', 'id', 'storefrontId', 'cityId', 'import']);

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * What a change record changed, field by field (values compared as JSON). A created record lists
 * its filled fields, a deleted one what it had. Contact records carry only field names
 * (`{fields: [...]}`), never values: those are listed with both values undefined.
 */
export function changedFields(record: Pick<ChangeRecord, 'entityType' | 'before' | 'after'>): FieldChange[] {
  if (record.entityType === 'storefront_contact') {
    const fields = new Set<string>([
      ...((asRecord(record.before).fields as string[] | undefined) ?? []),
      ...((asRecord(record.after).fields as string[] | undefined) ?? []),
    ]);
    return [...fields].map((field) => ({ field, before: undefined, after: undefined }));
  }
  const before = asRecord(record.before);
  const after = asRecord(record.after);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (HIDDEN.has(field)) continue;
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    if (before[field] == null && after[field] == null) continue;
    changes.push({ field, before: before[field], after: after[field] });
  }
  return changes;
}

/**
 * „per Import (Zeile 3)“ for a change an import made (a unit's record from an import carries
 * `import: {id, line, …}` after the change), null for a change made otherwise.
 */
export function importText(record: Pick<ChangeRecord, 'after'>, t: TFunction): string | null {
  const after = asRecord(record.after);
  if (!('import' in after)) return null;
  const line = asRecord(after.import).line;
  return typeof line === 'number' ? t('changes.byImportLine', { line }) : t('changes.byImport');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A coordinate with five decimals (about a metre) in the UI language: 51,12345 · 51.12345. */
const coordinate = (value: number): string =>
  new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
    minimumFractionDigits: 5,
    maximumFractionDigits: 5,
  }).format(Math.abs(value));

/** A GeoJSON point (`[lon, lat]`) as „51,12345 N, 10,50000 E“; anything else is not a point. */
function pointText(value: unknown): string | null {
  const point = asRecord(value);
  const coordinates = point.coordinates;
  if (point.type !== 'Point' || !Array.isArray(coordinates)) return null;
  const [lon, lat] = coordinates as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  return `${coordinate(lat)} ${lat < 0 ? 'S' : 'N'}, ${coordinate(lon)} ${lon < 0 ? 'W' : 'E'}`;
}

/** The unit's current period (`current` of a storefront) as status, use and business. */
function occupancyText(value: unknown, t: TFunction): string | null {
  const current = asRecord(value);
  if (typeof current.status !== 'string') return null;
  return [
    t(`status.${current.status}`),
    typeof current.useCategory === 'string' ? t(`category.${current.useCategory}`) : null,
    typeof current.businessName === 'string' && current.businessName !== '' ? current.businessName : null,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}

/**
 * A field's value as one short line in the UI language: codes by their names (floor, status, use),
 * dates and numbers formatted, positions as coordinates, empty values as –.
 */
export function displayValue(field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') {
    if (field === 'floor') return t(`floor.${value}`, { defaultValue: value });
    if (field === 'status') return t(`status.${value}`, { defaultValue: value });
    if (field === 'useCategory') return t(`category.${value}`, { defaultValue: value });
    return ISO_DATE.test(value) ? formatDate(value) : value;
  }
  if (typeof value === 'number') return formatNumber(value, 2);
  if (typeof value === 'boolean') return value ? t('changes.yes') : t('changes.no');
  return pointText(value) ?? occupancyText(value, t) ?? JSON.stringify(value).slice(0, 80);
}

export interface PeriodSummary {
  status: string;
  validFrom: string;
}

/**
 * Occupancy records hold the unit's periods before and after (`{periods: [...]}`): the periods that
 * are new afterwards are what happened (usually one status change).
 */
export function newPeriods(record: Pick<ChangeRecord, 'before' | 'after'>): PeriodSummary[] {
  const list = (v: unknown): Record<string, unknown>[] =>
    (asRecord(v).periods as Record<string, unknown>[] | undefined) ?? [];
  const before = new Set(list(record.before).map((p) => `${String(p.status)}|${String(p.validFrom)}`));
  return list(record.after)
    .filter((p) => !before.has(`${String(p.status)}|${String(p.validFrom)}`))
    .map((p) => ({ status: String(p.status), validFrom: String(p.validFrom) }));
}
