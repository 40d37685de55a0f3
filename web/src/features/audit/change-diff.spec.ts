import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { changedFields, displayValue, importText, newPeriods } from './change-diff';

/** The shared instance the formatters read the language from, with the app's bundles. */
beforeAll(initAppI18n);

const show = (field: string, value: unknown): string => displayValue(field, value, i18n.t);

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

  it('leaves out the bookkeeping an import adds to the record', () => {
    const changes = changedFields({
      entityType: 'storefront',
      before: null,
      after: {
        street: 'Importgasse',
        import: { id: 'eda34121-0000-4000-8000-000000000000', line: 3, contactFieldsImported: false },
      },
    });
    expect(changes).toEqual([{ field: 'street', before: undefined, after: 'Importgasse' }]);
  });

  it('shows empty values as a dash', () => {
    expect(show('notes', null)).toBe('–');
    expect(show('notes', '')).toBe('–');
    expect(show('postcode', undefined)).toBe('–');
  });
});

describe('displayValue', () => {
  it('names codes in the UI language instead of showing them', async () => {
    await i18n.changeLanguage('de');
    expect(show('floor', 'ground')).toBe('Erdgeschoss');
    expect(show('status', 'temporary_use')).toBe('Zwischennutzung');
    expect(
      show('current', { status: 'occupied', useCategory: 'food_drink', businessName: 'Café Rosa' }),
    ).toBe('Genutzt, Gastronomie, Café Rosa');
    expect(show('current', { status: 'vacant', useCategory: null, businessName: null })).toBe('Leerstand');
    expect(show('insidePerimeter', false)).toBe('nein');
    await i18n.changeLanguage('en');
    expect(show('floor', 'basement')).toBe('Basement');
    expect(show('insidePerimeter', true)).toBe('yes');
  });

  it('formats dates and numbers in the UI language', async () => {
    await i18n.changeLanguage('de');
    expect(show('verifiedAt', '2024-05-01')).toBe('01.05.2024');
    expect(show('verifiedAt', '2024-05-01T21:30:00.000Z')).toBe('01.05.2024');
    expect(show('floorAreaM2', 85.5)).toBe('85,5');
    expect(show('floorAreaM2', 1234)).toBe('1.234');
    expect(show('street', 'Steinweg')).toBe('Steinweg');
    await i18n.changeLanguage('en');
    expect(show('verifiedAt', '2024-05-01')).toBe('1 May 2024');
    expect(show('floorAreaM2', 85.5)).toBe('85.5');
  });

  it('shows a position as coordinates with five decimals, latitude first', async () => {
    const location = { type: 'Point', coordinates: [10.5, 51.123454] };
    await i18n.changeLanguage('de');
    expect(show('location', location)).toBe('51,12345 N, 10,50000 E');
    await i18n.changeLanguage('en');
    expect(show('location', location)).toBe('51.12345 N, 10.50000 E');
  });
});

describe('importText', () => {
  it('names the line of the import that made a change, and nothing for other changes', async () => {
    const imported = { after: { street: 'Importgasse', import: { id: 'eda34121', line: 3 } } };
    await i18n.changeLanguage('de');
    expect(importText(imported, i18n.t)).toBe('per Import (Zeile 3)');
    expect(importText({ after: { import: { id: 'eda34121' } } }, i18n.t)).toBe('per Import');
    expect(importText({ after: { street: 'Steinweg' } }, i18n.t)).toBeNull();
    expect(importText({ after: null }, i18n.t)).toBeNull();
    await i18n.changeLanguage('en');
    expect(importText(imported, i18n.t)).toBe('by import (line 3)');
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
