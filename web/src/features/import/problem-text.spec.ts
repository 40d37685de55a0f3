import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { PROBLEM_CODES } from '../../../../api/src/imports/import.types';
import type { ImportProblem } from './api/imports-api';
import { problemText } from './problem-text';

beforeAll(initAppI18n);

const problem = (p: Partial<ImportProblem>): ImportProblem => ({
  line: 4,
  column: 'Status seit',
  value: '01.03.2026',
  reason: 'The status would change on 01.03.2026, before the current status began (01.06.2026). …',
  code: 'DATE_BEFORE_CURRENT',
  severity: 'error',
  ...p,
});

describe('an import problem in words', () => {
  it('names in German the day the current status began, when the API gives it', () => {
    expect(problemText(problem({ params: { since: '01.06.2026' } }), i18n.t, 'de')).toBe(
      'Das Datum liegt vor dem Beginn des aktuellen Status am 01.06.2026 und widerspricht dem gespeicherten Verlauf: ein späteres Datum angeben oder den Verlauf im Dashboard korrigieren.',
    );
    // a report without the particulars keeps the general sentence (no "{{since}}" on the page)
    expect(problemText(problem({}), i18n.t, 'de')).toBe(
      'Das Datum liegt vor dem Beginn des aktuellen Status.',
    );
  });

  it('says which row keeps out the other rows of the same unit, instead of repeating that row’s problem', () => {
    expect(problemText(problem({ line: 5, value: null, params: { otherLine: '4' } }), i18n.t, 'de')).toBe(
      'Nicht importiert: Zeile 4 desselben Ladenlokals hat einen Fehler, und ein Verlauf wird ganz oder gar nicht importiert.',
    );
  });

  it('says in German which case of a code it is, with the particulars the API gives', () => {
    const text = (p: Partial<ImportProblem>) => problemText(problem(p), i18n.t, 'de');
    expect(
      text({ code: 'INVALID_DATE', params: { context: 'afterReference', referenceDate: '07.12.2026' } }),
    ).toMatch(/^Das Datum liegt nach dem Stichtag der Liste \(07\.12\.2026\)/);
    expect(text({ code: 'DUPLICATE_IN_FILE', params: { context: 'sameUnit', firstLine: '4' } })).toMatch(
      /^Zeile 4 beschreibt dasselbe Ladenlokal/,
    );
    expect(text({ code: 'INVALID_COORDINATES', params: { context: 'swapped' } })).toMatch(/vertauscht/);
    expect(text({ code: 'INVALID_VALUE', params: { context: 'floor' } })).toMatch(/EG, OG oder UG/);
    expect(text({ code: 'INVALID_NUMBER', params: { context: 'range', min: '0', max: '100000' } })).toBe(
      'Der Wert muss zwischen 0 und 100000 liegen.',
    );
    // without a case, the code's general sentence
    expect(text({ code: 'INVALID_DATE' })).toBe(
      'Kein gültiges Datum: bitte z. B. 01.03.2021, 1.3.21, 2021-03-01, 03/2021, März 2021 (Mrz. 2021) oder 2021 schreiben.',
    );
  });

  it('warns in German of a street one typo from the stored address, naming both spellings', () => {
    const typo = problem({
      code: 'ADDRESS_TYPO',
      severity: 'warning',
      column: 'Straße',
      value: 'Bahnhofstrase 12', // the file's spelling is the problem's value
      params: { stored: 'Bahnhofstraße 12' },
    });
    expect(problemText(typo, i18n.t, 'de')).toBe(
      'Die Straße weicht nur um einen Tippfehler von der gespeicherten Adresse „Bahnhofstraße 12“ ab (ein Buchstabe falsch, fehlend, zu viel oder zwei vertauscht). Der Import ersetzt die gespeicherte Schreibweise: bitte die Datei prüfen und den Tippfehler gegebenenfalls korrigieren.',
    );
  });

  it('warns in German of a unit the file would move far, with the distance', () => {
    const moved = problem({
      code: 'LARGE_MOVE',
      severity: 'warning',
      column: 'Breite',
      value: '50.952, 10.702',
      params: { stored: 'Markt 1', distance: '111' },
    });
    expect(problemText(moved, i18n.t, 'de')).toBe(
      'Das Ladenlokal (Markt 1) würde um 111 m von seiner gespeicherten Position verschoben: Bitte prüfen Sie die Koordinaten, bevor Sie übernehmen.',
    );
  });

  it('a unit whose history has ended is not called new', () => {
    expect(problemText(problem({ code: 'NO_CURRENT_STATUS' }), i18n.t, 'de')).toMatch(/Verlauf .* beendet/);
  });

  it('has a German sentence for every code the API can send', () => {
    for (const code of PROBLEM_CODES) {
      expect(problemText(problem({ code }), i18n.t, 'de')).not.toMatch(/^import\.problem\./);
    }
    expect(problemText(problem({ code: 'AMBIGUOUS_MATCH' }), i18n.t, 'de')).toMatch(
      /mehrere Ladenlokale \(Wert: deren Adressen\)/,
    );
  });

  it('in English is the API’s own sentence', () => {
    const p = problem({ params: { since: '01.06.2026' } });
    expect(problemText(p, i18n.t, 'en')).toBe(p.reason);
  });
});
