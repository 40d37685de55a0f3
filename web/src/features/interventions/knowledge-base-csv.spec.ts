import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { toCsv } from '../../lib/csv';
import type { Intervention } from '../../lib/domain';
import { formatDate } from '../../lib/format';
import { knowledgeBaseCsv } from './knowledge-base-csv';

beforeAll(initAppI18n);

const testShop: Intervention = {
  id: 'i1',
  cityId: 'c-muehlhausen',
  type: 'test_shop',
  title: 'Frei.Handel Kohorte 1',
  description: null,
  startDate: '2024-01-01',
  endDate: '2024-06-30',
  budgetEur: 12500.5,
  fundingSource: null,
  partners: null,
  state: 'ended',
  lessonsLearned: 'Nur an der Hauptlaufachse; sonst zu wenig Laufkundschaft.',
  storefrontIds: [],
  units: [],
  outcomeChecks: [
    {
      monthsAfterEnd: 12,
      checkedOn: '2025-07-01',
      regularLeaseSigned: false,
      businessStillTrading: false,
      note: 'Fläche an einen anderen Betrieb vermietet',
    },
  ],
  outcome12: {
    measure: 'ownBusinessLease',
    evaluationDate: '2025-06-30',
    result: 'otherTenant',
    basis: 'check',
  },
  isSynthetic: true,
  version: 1,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
};

describe('knowledgeBaseCsv', () => {
  it('writes each listed intervention with town, period, cost, outcome as worded, checks, lessons and the demo flag', async () => {
    await i18n.changeLanguage('de');
    const { header, body } = knowledgeBaseCsv(
      [testShop],
      new Map([['c-muehlhausen', 'Mühlhausen']]),
      i18n.t,
      formatDate,
    );
    expect(header).toEqual([
      'Stadt',
      'Maßnahme',
      'Art',
      'Stand',
      'Zeitraum',
      'Kosten (€)',
      'Ergebnis nach 12 Monaten',
      expect.any(String),
      'Erfahrungen',
      'Demodaten (synthetisch)',
    ]);
    const [row] = body;
    expect(row!.slice(0, 4)).toEqual(['Mühlhausen', 'Frei.Handel Kohorte 1', 'Testladen', 'Abgeschlossen']);
    expect(row![4]).toBe('01.01.2024 – 30.06.2024');
    expect(row![5]).toBe(12500.5);
    expect(row![6]).toBe('Fläche anderweitig vermietet (laut 12-Monats-Kontrolle)');
    expect(row![7]).toContain('Fläche an einen anderen Betrieb vermietet');
    expect(row!.slice(8)).toEqual(['Nur an der Hauptlaufachse; sonst zu wenig Laufkundschaft.', 'ja']);
    // a semicolon in the lessons stays inside its cell in German Excel's CSV
    expect(toCsv(header, body, { german: true }).split('\r\n')[1]).toContain(
      '"Nur an der Hauptlaufachse; sonst zu wenig Laufkundschaft."',
    );
  });
});
