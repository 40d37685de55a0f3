import { describe, expect, it } from 'vitest';
import { changedFields, displayValue, newPeriods } from './change-diff';

describe('changedFields', () => {
  it('lists only fields whose values differ, without bookkeeping fields', () => {
    const changes = changedFields({
      entityType: 'storefront',
      before: { floorAreaM2: 120, street: 'Steinweg', version: 3, notes: null },
      after: { floorAreaM2: 135.5, street: 'Steinweg', version: 4, notes: null },
    });
    expect(changes).toEqual([{ field: 'floorAreaM2', before: 120, after: 135.5 }]);
  });

  it('lists every filled field of a created record', () => {
    const changes = changedFields({
      entityType: 'occupancy',
      before: null,
      after: { status: 'vacant', note: null },
    });
    expect(changes).toEqual([{ field: 'status', before: undefined, after: 'vacant' }]);
  });

  it('names the contact fields but never has their values', () => {
    const changes = changedFields({
      entityType: 'storefront_contact',
      before: { fields: ['ownerName'] },
      after: { fields: ['ownerName', 'ownerPhone'] },
    });
    expect(changes.map((c) => c.field)).toEqual(['ownerName', 'ownerPhone']);
    expect(changes.every((c) => c.before === undefined && c.after === undefined)).toBe(true);
  });

  it('shows empty values as a dash', () => {
    expect(displayValue(null)).toBe('–');
    expect(displayValue('')).toBe('–');
    expect(displayValue(12)).toBe('12');
  });
});

describe('newPeriods', () => {
  it('finds the period a status change added', () => {
    const closed = { status: 'occupied', validFrom: '2019-01-01', validTo: '2025-03-01' };
    const periods = newPeriods({
      before: { periods: [{ ...closed, validTo: null }] },
      after: { periods: [closed, { status: 'vacant', validFrom: '2025-03-01', validTo: null }] },
    });
    expect(periods).toEqual([{ status: 'vacant', validFrom: '2025-03-01' }]);
  });
});
