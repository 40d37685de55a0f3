import { translatePgError } from './pg-errors.js';

describe('translatePgError', () => {
  it('answers geometry PostGIS cannot read (XX000) as a 400', () => {
    for (const message of [
      'parse error - invalid geometry',
      'Invalid GeoJSON representation',
      'lwgeom_from_geojson',
    ]) {
      expect(translatePgError({ code: 'XX000', message })?.code).toBe('VALIDATION_FAILED');
    }
  });

  it('leaves other internal errors of the database to the 500 of a bug', () => {
    expect(translatePgError({ code: 'XX000', message: 'cache lookup failed for relation 16384' })).toBeNull();
  });

  it('answers a number out of range as a 400', () => {
    expect(translatePgError({ code: '22003', message: 'integer out of range' })?.code).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('a statement the database cancelled', () => {
  it('is a 504 QUERY_TIMEOUT, whether from pg or wrapped by TypeORM', () => {
    const fromPg = { code: '57014', message: 'canceling statement due to statement timeout' };
    expect(translatePgError(fromPg)?.code).toBe('QUERY_TIMEOUT');
    expect(translatePgError({ message: 'x', driverError: fromPg })?.code).toBe('QUERY_TIMEOUT');
  });
});
