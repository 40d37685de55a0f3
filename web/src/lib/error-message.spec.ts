import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { currentVersion, errorMessageKey, errorMessageValues, invalidFieldLabels } from './error-message';

describe('errorMessageKey', () => {
  it('tells missing rights from an expired form', () => {
    expect(errorMessageKey(new ApiError(403, 'FORBIDDEN', 'no'))).toBe('errors.forbidden');
    expect(errorMessageKey(new ApiError(403, 'FORBIDDEN', 'no', { reason: 'csrf' }))).toBe('errors.csrf');
    expect(
      errorMessageKey(new ApiError(403, 'FORBIDDEN', 'no', { reason: 'password_change_required' })),
    ).toBe('errors.passwordChangeRequired');
    expect(errorMessageKey(new ApiError(403, 'FORBIDDEN', 'no', { reason: 'admin_only' }))).toBe(
      'errors.adminOnly',
    );
  });

  it('names the interventions that keep a unit from being deleted', () => {
    const error = new ApiError(422, 'CONSTRAINT_VIOLATED', 'x', {
      reason: 'in_intervention',
      interventions: [
        { id: 'a', title: 'Frei.Handel' },
        { id: 'b', title: 'Sommer-Pop-up' },
      ],
    });
    expect(errorMessageKey(error)).toBe('errors.inIntervention');
    expect(errorMessageValues(error).interventions).toBe('„Frei.Handel“, „Sommer-Pop-up“');
  });

  it('maps sign-in, throttling and validation codes', () => {
    expect(errorMessageKey(new ApiError(401, 'UNAUTHENTICATED', 'x'))).toBe('errors.unauthenticated');
    expect(errorMessageKey(new ApiError(429, 'TOO_MANY_REQUESTS', 'x'))).toBe('errors.tooManyRequests');
    expect(errorMessageKey(new ApiError(429, 'TOO_MANY_REQUESTS', 'x', { reason: 'downloads_busy' }))).toBe(
      'errors.downloadsBusy',
    );
    expect(errorMessageKey(new ApiError(429, 'TOO_MANY_REQUESTS', 'x', { reason: 'workbooks_busy' }))).toBe(
      'errors.workbooksBusy',
    );
    expect(errorMessageKey(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBe('errors.validation');
  });

  it('asks to retry when the database cancelled a concurrent write', () => {
    expect(errorMessageKey(new ApiError(409, 'CONCURRENT_WRITE', 'x'))).toBe('errors.concurrentWrite');
    expect(errorMessageKey(new ApiError(504, 'QUERY_TIMEOUT', 'x'))).toBe('errors.queryTimeout');
  });

  it('explains refused histories and dates by the reason the API gives, with its dates formatted', () => {
    const before = new ApiError(422, 'INVALID_PERIOD', 'The change date …', {
      reason: 'change_before_current',
      currentSince: '2024-03-01',
    });
    expect(errorMessageKey(before)).toBe('errors.period.change_before_current');
    expect(errorMessageValues(before)).toEqual({ message: 'The change date …', currentSince: '01.03.2024' });
    const sameDay = new ApiError(422, 'INVALID_PERIOD', 'The current status began …', {
      reason: 'same_day_as_current',
      currentSince: '2024-01-01',
    });
    expect(errorMessageKey(sameDay)).toBe('errors.period.same_day_as_current');
    expect(errorMessageValues(sameDay)).toMatchObject({ currentSince: '01.01.2024' });
    expect(errorMessageKey(new ApiError(422, 'INVALID_PERIOD', 'x', { reason: 'needs_end_date' }))).toBe(
      'errors.period.needs_end_date',
    );
    // an unknown or missing reason still gets a German sentence, with the API's text as detail
    expect(errorMessageKey(new ApiError(422, 'INVALID_PERIOD', 'x', { reason: 'new_rule' }))).toBe(
      'errors.validation',
    );
    expect(errorMessageKey(new ApiError(422, 'OUTSIDE_TOWN', 'x'))).toBe('errors.outsideTown');
    expect(errorMessageKey(new ApiError(409, 'OVERLAPPING_PERIODS', 'x'))).toBe('errors.historyConflict');
  });

  it('names the duplicate by its constraint', () => {
    const duplicate = (constraint?: string) =>
      errorMessageKey(new ApiError(409, 'DUPLICATE', 'x', constraint ? { constraint } : undefined));
    expect(duplicate('storefronts_reference_unique')).toBe('errors.duplicateReference');
    expect(duplicate('cities_ags_key')).toBe('errors.duplicateAgs');
    expect(duplicate('users_email_unique')).toBe('errors.duplicateEmail');
    expect(duplicate()).toBe('errors.duplicate');
  });

  it('explains the administration rules by their reason', () => {
    const refused = (reason?: string) =>
      errorMessageKey(new ApiError(422, 'CONSTRAINT_VIOLATED', 'x', reason ? { reason } : undefined));
    expect(refused('own_admin_rights')).toBe('errors.ownAdminRights');
    expect(refused('last_admin')).toBe('errors.lastAdmin');
    expect(refused()).toBe('errors.constraint');
  });

  it('explains an unreadable file and the import’s refusals in the UI language, with their limits', () => {
    const tooMany = new ApiError(400, 'VALIDATION_FAILED', 'The file has 250000 rows; …', {
      reason: 'unreadable_file',
      problem: 'too_many_rows',
      count: 250000,
      limit: 200000,
    });
    expect(errorMessageKey(tooMany)).toBe('errors.file.too_many_rows');
    expect(errorMessageValues(tooMany)).toMatchObject({ limit: '200.000' });
    const gaussKrueger = new ApiError(400, 'VALIDATION_FAILED', 'x', {
      reason: 'unreadable_file',
      problem: 'unsupported_crs',
      crs: 'urn:ogc:def:crs:EPSG::31468',
    });
    expect(errorMessageKey(gaussKrueger)).toBe('errors.file.unsupported_crs');
    expect(errorMessageValues(gaussKrueger)).toMatchObject({ crs: 'urn:ogc:def:crs:EPSG::31468' });
    expect(errorMessageKey(new ApiError(400, 'VALIDATION_FAILED', 'x', { reason: 'empty_upload' }))).toBe(
      'errors.file.empty_upload',
    );
    expect(
      errorMessageKey(new ApiError(400, 'VALIDATION_FAILED', 'x', { reason: 'no_address_column' })),
    ).toBe('errors.import.no_address_column');
    const rejected = new ApiError(400, 'VALIDATION_FAILED', 'x', {
      reason: 'rows_rejected',
      summary: { rejected: 3 },
    });
    expect(errorMessageKey(rejected)).toBe('errors.import.rows_rejected');
    expect(errorMessageValues(rejected)).toMatchObject({ count: '3' });
    // an unknown problem still gets the general sentence
    expect(
      errorMessageKey(
        new ApiError(400, 'VALIDATION_FAILED', 'x', { reason: 'unreadable_file', problem: 'new' }),
      ),
    ).toBe('errors.validation');
  });

  it('explains the counter upload’s refusals: no line to store, a location stored elsewhere, a counter outside the town', () => {
    expect(
      errorMessageKey(
        new ApiError(400, 'VALIDATION_FAILED', 'x', { reason: 'unreadable_file', problem: 'no_time_column' }),
      ),
    ).toBe('errors.file.no_time_column');
    expect(
      errorMessageKey(new ApiError(400, 'VALIDATION_FAILED', 'x', { reason: 'no_valid_rows', rejected: [] })),
    ).toBe('errors.footfall.no_valid_rows');
    const elsewhere = new ApiError(409, 'DUPLICATE', 'The counting location Steinweg is stored at …', {
      reason: 'counter_elsewhere',
      location: 'Steinweg',
      storedCoordinates: [10.7, 50.95],
      distanceM: 1703,
    });
    expect(errorMessageKey(elsewhere)).toBe('errors.footfall.counter_elsewhere');
    expect(errorMessageValues(elsewhere)).toMatchObject({
      location: 'Steinweg',
      lon: '10,7',
      lat: '50,95',
      distance: '1.703',
    });
    const taken = new ApiError(409, 'DUPLICATE', 'The town already has …', {
      reason: 'location_name_taken',
      location: 'Markt',
    });
    expect(errorMessageKey(taken)).toBe('errors.footfall.location_name_taken');
    expect(errorMessageValues(taken)).toMatchObject({ location: 'Markt' });
    // in Germany with its values exchanged: asked whether they are swapped
    expect(errorMessageKey(new ApiError(422, 'OUTSIDE_TOWN', 'x', { coordinates: [51.2, 10.45] }))).toBe(
      'errors.outsideTownSwapped',
    );
    expect(errorMessageKey(new ApiError(422, 'OUTSIDE_TOWN', 'x', { coordinates: [13.4, 52.5] }))).toBe(
      'errors.outsideTown',
    );
  });

  it('explains a workbook too large for Excel by the sheet that would be too long, with both numbers', () => {
    const units = new ApiError(422, 'EXPORT_TOO_LARGE', 'The selection holds 1,234,567 units; …', {
      rows: 1234567,
      limit: 200000,
      sheet: 'Storefronts',
    });
    expect(errorMessageKey(units)).toBe('errors.exportTooLarge');
    expect(errorMessageValues(units)).toMatchObject({ rows: '1.234.567', limit: '200.000' });
    const history = new ApiError(422, 'EXPORT_TOO_LARGE', 'x', {
      rows: 1048576,
      limit: 1048575,
      sheet: 'Occupancy history',
    });
    expect(errorMessageKey(history)).toBe('errors.exportHistoryTooLarge');
  });

  it('falls back to a generic message for anything else', () => {
    expect(errorMessageKey(new Error('network down'))).toBe('errors.generic');
    expect(errorMessageKey(new ApiError(500, 'INTERNAL', 'x'))).toBe('errors.generic');
  });
});

describe('invalidFieldLabels', () => {
  it('names the invalid fields by their form labels, once each, in the order given', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some values are not valid — floorAreaM2: …', {
      fields: [
        { field: 'floorAreaM2', problems: ['floorAreaM2 must not be greater than 100000'] },
        { field: 'location.coordinates', problems: ['…'] },
        { field: 'floorAreaM2', problems: ['…'] },
        { field: 'colour', problems: ['property colour should not exist'] },
      ],
    });
    expect(invalidFieldLabels(error)).toEqual([
      { key: 'form.floorArea', field: 'floorAreaM2', rules: [] },
      { key: 'form.position', field: 'location', rules: [] },
      { key: null, field: 'colour', rules: [] },
    ]);
  });

  it('keeps the rules the API names that the dashboard can explain, with their limits, once each', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'x', {
      fields: [
        { field: 'budgetEur', problems: ['…'], rules: [{ rule: 'min', limit: 0 }, { rule: 'isInt' }] },
        { field: 'date', problems: ['…'], rules: [{ rule: 'notAfterToday' }] },
        { field: 'budgetEur', problems: ['…'], rules: [{ rule: 'min', limit: 0 }] },
        { field: 'street', problems: ['…'], rules: [{ rule: 'maxLength', limit: 200 }] },
      ],
    });
    expect(invalidFieldLabels(error)).toEqual([
      { key: 'form.budget', field: 'budgetEur', rules: [{ rule: 'min', limit: 0 }] },
      { key: 'form.date', field: 'date', rules: [{ rule: 'notAfterToday' }] },
      { key: 'form.street', field: 'street', rules: [{ rule: 'maxLength', limit: 200 }] },
    ]);
  });

  it('is empty for other errors and for answers without fields', () => {
    expect(invalidFieldLabels(new ApiError(409, 'VERSION_CONFLICT', 'x'))).toEqual([]);
    expect(invalidFieldLabels(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toEqual([]);
  });
});

describe('currentVersion', () => {
  it('reads the stored version from a conflict, also where the unit comes with its history', () => {
    expect(
      currentVersion(new ApiError(409, 'VERSION_CONFLICT', 'x', { current: { id: 'a', version: 7 } })),
    ).toBe(7);
    expect(
      currentVersion(new ApiError(409, 'VERSION_CONFLICT', 'x', { current: { storefront: { version: 4 } } })),
    ).toBe(4);
  });

  it('is null for other errors and conflicts without a version', () => {
    expect(currentVersion(new ApiError(409, 'VERSION_CONFLICT', 'x'))).toBeNull();
    expect(currentVersion(new ApiError(409, 'DUPLICATE', 'x', { current: { version: 3 } }))).toBeNull();
  });
});
