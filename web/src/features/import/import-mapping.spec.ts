import { describe, expect, it } from 'vitest';
import type { ImportMapping, ImportProblem } from './api/imports-api';
import {
  choicesToRecord,
  countProblems,
  exportLinks,
  progressShare,
  valueChoices,
  valuesOfColumn,
  withColumn,
} from './import-mapping';

const mapping: ImportMapping = {
  columns: { street: 'Straße', status: 'Status' },
  srid: 4326,
  decimalSeparator: ',',
  referenceDate: '2026-01-01',
  statusValues: { Leerstand: 'vacant' },
  categoryValues: {},
  skipInvalidRows: false,
};
const suggestions = {
  values: { Zustand: ['frei', 'belegt'], Nutzung: ['Café', 'Bäcker'] },
  knownStatuses: { frei: 'vacant' as const, belegt: 'occupied' as const, Café: null, Bäcker: null },
  knownCategories: { frei: null, belegt: null, Café: 'food_drink' as const, Bäcker: null },
};

const problem = (line: number, severity: 'error' | 'warning'): ImportProblem => ({
  line,
  column: 'PLZ',
  value: 'x',
  reason: 'r',
  code: 'INVALID_VALUE',
  severity,
});

describe('valueChoices', () => {
  it('prefers the user’s choice, then the known word, else leaves it open', () => {
    expect(valueChoices(['a', 'b', 'c'], { a: 'occupied' }, { a: 'vacant', b: 'vacant', c: null })).toEqual([
      { value: 'a', target: 'occupied' },
      { value: 'b', target: 'vacant' },
      { value: 'c', target: '' },
    ]);
  });

  it('sends only chosen values', () => {
    expect(
      choicesToRecord([
        { value: 'a', target: 'vacant' },
        { value: 'b', target: '' },
      ]),
    ).toEqual({ a: 'vacant' });
  });
});

describe('withColumn', () => {
  it('removes a field when no header is chosen and keeps the others', () => {
    const next = withColumn(mapping, 'street', '', suggestions);
    expect(next.columns).toEqual({ status: 'Status' });
    expect(mapping.columns.street).toBe('Straße');
  });

  it('a new status column gets the known words of its values', () => {
    const next = withColumn(mapping, 'status', 'Zustand', suggestions);
    expect(next.columns.status).toBe('Zustand');
    expect(next.statusValues).toEqual({ frei: 'vacant', belegt: 'occupied' });
  });

  it('a new category column maps only the words it knows', () => {
    expect(withColumn(mapping, 'useCategory', 'Nutzung', suggestions).categoryValues).toEqual({
      Café: 'food_drink',
    });
  });
});

describe('countProblems', () => {
  it('counts errors, warnings and distinct lines with errors', () => {
    expect(
      countProblems([problem(3, 'error'), problem(3, 'error'), problem(5, 'error'), problem(7, 'warning')]),
    ).toEqual({ errors: 3, warnings: 1, rowsWithErrors: 2 });
  });
});

describe('progressShare', () => {
  it('is processed over rows, clamped, and 0 for an empty file', () => {
    expect(progressShare(250, 1000)).toBe(0.25);
    expect(progressShare(1200, 1000)).toBe(1);
    expect(progressShare(0, 0)).toBe(0);
  });
});

describe('exportLinks', () => {
  it('links the town’s CSV for German Excel, XLSX and GeoJSON', () => {
    expect(exportLinks('c1').map((l) => l.href)).toEqual([
      '/api/exports/storefronts.csv?cityId=c1&excel=de',
      '/api/exports/storefronts.xlsx?cityId=c1',
      '/api/exports/storefronts.geojson?cityId=c1',
    ]);
  });
});

describe('valuesOfColumn', () => {
  const values = { '': ['Café Linde', 'Netto'], Status: ['leer', 'vermietet'] };
  it('shows no values while no column is mapped, not those of a column without a header', () => {
    expect(valuesOfColumn(values, undefined)).toEqual([]);
    expect(valuesOfColumn(values, '')).toEqual([]);
    expect(valuesOfColumn(values, 'Status')).toEqual(['leer', 'vermietet']);
    expect(valuesOfColumn(values, 'constructor')).toEqual([]);
  });
});
