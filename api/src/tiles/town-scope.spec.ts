import { pgTextArray } from '../storefronts/storefront-filter.js';
import { TownScopes } from './town-scope.js';

const A = '6f1c1d7e-3a53-4b1e-9d8e-2b8a4f1c2d3e';
const B = '0a6b3c2d-1e4f-4a5b-8c7d-9e0f1a2b3c4d';

describe('TownScopes', () => {
  it('gives the same sorted array for the same towns, and one key per set whatever the order', () => {
    const scopes = new TownScopes();
    const first = scopes.of([A, B]);
    expect(first.ids).toEqual([B, A]);
    expect(scopes.of([A, B])).toBe(first);
    const reversed = scopes.of([B, A]);
    expect(reversed.key).toBe(first.key);
    expect(scopes.of([A]).key).not.toBe(first.key);
    expect(scopes.of([]).ids).toEqual([]);
  });
});

describe('pgTextArray', () => {
  it('writes PostgreSQL array literals, quoting every element', () => {
    expect(pgTextArray([A, B])).toBe(`{"${A}","${B}"}`);
    expect(pgTextArray([])).toBe('{}');
    expect(pgTextArray(['a"b', 'c\\d', 'e,f'])).toBe('{"a\\"b","c\\\\d","e,f"}');
  });

  it('remembers the literal per array', () => {
    const ids = [A];
    const literal = pgTextArray(ids);
    expect(pgTextArray(ids)).toBe(literal);
  });
});

describe('TownScopes by list', () => {
  it('remembers a frozen list itself, and never a list that could still change', () => {
    const scopes = new TownScopes();
    const frozen = Object.freeze([A, B]);
    expect(scopes.of(frozen)).toBe(scopes.of(frozen));
    const open = [A, B];
    const before = scopes.of(open);
    open.push('11111111-2222-4333-8444-555555555555');
    expect(scopes.of(open)).not.toBe(before);
    expect(scopes.of(open).ids).toHaveLength(3);
  });
});
