import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { ApiError } from '../../lib/api-client';
import { errorMessageKey, errorMessageValues, invalidFieldLabels } from '../../lib/error-message';

beforeAll(initAppI18n);

/** The sentence ApiErrorMessage shows for an error (it names fields only when the API lists any). */
const shown = (error: ApiError, language: string): string =>
  i18n.getFixedT(language)(errorMessageKey(error), errorMessageValues(error));

describe('a mapping that names a column the file does not have', () => {
  // the body PUT …/imports/{id}/mapping answers (api/src/imports/imports.service.ts, checkMapping)
  const refused = new ApiError(
    400,
    'VALIDATION_FAILED',
    'The file has no column „Strasse“. Choose one of the file’s columns.',
    { reason: 'unknown_column', columns: ['Strasse'], mappedFields: ['street'] },
  );

  it('is explained in German, naming the column, instead of the server’s English sentence', () => {
    expect(invalidFieldLabels(refused)).toEqual([]);
    expect(errorMessageKey(refused)).toBe('errors.import.unknown_column');
    expect(shown(refused, 'de')).toBe(
      'Die Datei hat keine Spalte „Strasse“. Bitte ordnen Sie eine Spalte zu, die in der hochgeladenen Datei steht (oder laden Sie die passende Datei hoch).',
    );
    expect(shown(refused, 'en')).toMatch(/^The file has no column „Strasse“\./);
  });

  it('names every missing column', () => {
    const two = new ApiError(400, 'VALIDATION_FAILED', 'x', {
      reason: 'unknown_column',
      columns: ['Strasse', 'Nr'],
    });
    expect(shown(two, 'de')).toMatch(/^Die Datei hat keine Spalte „Strasse“, „Nr“\./);
  });
});
