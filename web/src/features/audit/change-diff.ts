import type { ChangeRecord } from './api/changes-api';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields whose values the audit trail never shows, even if a record carried them. */
const HIDDEN = new Set(['version', 'updatedAt', 'createdAt', 'id', 'storefrontId', 'cityId']);

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

/** A value as one short line: null as –, objects (locations) as compact JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  return JSON.stringify(value).slice(0, 80);
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
