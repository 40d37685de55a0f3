import i18n from 'i18next';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { toCsv } from '../../lib/csv';
import { formatDate, formatNumber } from '../../lib/format';
import type { InterventionsByTypeAndTown, InterventionTownCell } from './api/interventions-api';
import { typeTownCellText, typeTownCsv } from './type-town-table';

beforeAll(initAppI18n);
beforeEach(() => i18n.changeLanguage('de'));

const none = { tried: 0, success: 0, failure: 0, otherTenant: 0, overdue: 0, pending: 0 };
const cell = (counts: Partial<typeof none>): InterventionTownCell => ({ cityId: 'c1', ...none, ...counts });
const text = (c: InterventionTownCell, measure: 'ownBusinessLease' | 'none' = 'ownBusinessLease') =>
  typeTownCellText(c, measure, i18n.t, (n) => formatNumber(n));

describe('typeTownCellText', () => {
  it('names how many were tried and each result that occurred, in a fixed order', () => {
    expect(text(cell({ tried: 2, success: 1, failure: 1 }))).toBe('2 erprobt: 1 erfolgreich, 1 ohne Erfolg');
    expect(text(cell({ tried: 5, pending: 1, overdue: 2, otherTenant: 1, success: 1 }))).toBe(
      '5 erprobt: 1 erfolgreich, 1 anderweitig vermietet, 2 Kontrollen überfällig, 1 noch offen',
    );
    expect(text(cell({ tried: 1, overdue: 1 }))).toBe('1 erprobt: 1 Kontrolle überfällig');
  });

  it('says „nicht erhoben“ for a type without a 12-month measure, and nothing when none was tried', () => {
    expect(text(cell({ tried: 3 }), 'none')).toBe('3 erprobt (nicht erhoben)');
    expect(text(cell({}))).toBeNull();
    expect(text(cell({}), 'none')).toBeNull();
  });

  it('writes counts as the language does, in English too', async () => {
    expect(text(cell({ tried: 1234, pending: 1234 }))).toBe('1.234 erprobt: 1.234 noch offen');
    await i18n.changeLanguage('en');
    expect(text(cell({ tried: 3, success: 1, overdue: 1, pending: 1 }))).toBe(
      '3 tried: 1 succeeded, 1 check overdue, 1 still open',
    );
    expect(text(cell({ tried: 2 }), 'none')).toBe('2 tried (not measured)');
  });
});

describe('typeTownCsv', () => {
  const table: InterventionsByTypeAndTown = {
    asOf: '2025-06-30',
    definitionsVersion: 'kpi-v2',
    towns: [
      { id: 'c1', name: 'Gotha', synthetic: true },
      { id: 'c2', name: 'Mühlhausen', synthetic: false },
    ],
    types: [
      {
        type: 'test_shop',
        measure: 'ownBusinessLease',
        towns: [
          { cityId: 'c1', ...none, tried: 2, success: 1, failure: 1 },
          { cityId: 'c2', ...none },
        ],
      },
      {
        type: 'event',
        measure: 'none',
        towns: [
          { cityId: 'c1', ...none, tried: 1 },
          { cityId: 'c2', ...none },
        ],
      },
    ],
  };

  it('writes a line per type and town with the counts in columns; results empty where not measured', () => {
    const { header, body } = typeTownCsv(table, i18n.t, formatDate);
    expect(toCsv(header, body, { german: true }).split('\r\n')).toEqual([
      '\uFEFFArt;Stadt;Stichtag;Erprobt;Erfolgreich;Ohne Erfolg;Anderweitig vermietet;Kontrolle überfällig;Noch offen;Demodaten (synthetisch)',
      'Testladen;Gotha;30.06.2025;2;1;1;0;0;0;ja',
      'Testladen;Mühlhausen;30.06.2025;0;0;0;0;0;0;nein',
      'Veranstaltung;Gotha;30.06.2025;1;;;;;;ja',
      'Veranstaltung;Mühlhausen;30.06.2025;0;;;;;;nein',
      '',
    ]);
  });
});
