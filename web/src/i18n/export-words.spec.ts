import { describe, expect, it } from 'vitest';
import { GERMAN_WORDS } from '../../../api/src/imports/import-vocabulary';
import de from './de.json';

/** The German Excel export writes the dashboard's words: a label changed here must change there too. */
describe('the German export’s words', () => {
  it('are the dashboard’s German labels for status, use and floor', () => {
    const { none: _none, ...categories } = de.category;
    expect(GERMAN_WORDS.status).toEqual(de.status);
    expect(GERMAN_WORDS.useCategory).toEqual(categories);
    expect(GERMAN_WORDS.floor).toEqual(de.floor);
  });
});
