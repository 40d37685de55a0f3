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
  obstacles: ['footfall', 'location'],
  storefrontIds: ['u1', 'u2'],
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
  it('writes each listed intervention with town, period, cost, outcome as worded, checks, obstacles, lessons and the demo flag', async () => {
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
      'Beginn',
      'Ende',
      'Ladenlokale',
      'Kosten (€)',
      'Kosten je Ladenlokal (€)',
      'Ergebnis nach 12 Monaten',
      expect.any(String),
      'Hürden',
      'Erfahrungen',
      'Demodaten (synthetisch)',
    ]);
    const [row] = body;
    expect(row!.slice(0, 4)).toEqual(['Mühlhausen', 'Frei.Handel Kohorte 1', 'Testladen', 'Abgeschlossen']);
    // start and end in columns of their own; the cost per unit of the two units used: 12.500,50 € / 2
    expect(row!.slice(4, 9)).toEqual(['01.01.2024', '30.06.2024', 2, 12500.5, 6250.25]);
    expect(row![9]).toBe('Fläche anderweitig vermietet (laut 12-Monats-Kontrolle)');
    expect(row![10]).toContain('Fläche an einen anderen Betrieb vermietet');
    expect(row!.slice(11)).toEqual([
      'Zu wenig Laufkundschaft, Lage und Erreichbarkeit',
      'Nur an der Hauptlaufachse; sonst zu wenig Laufkundschaft.',
      'ja',
    ]);
    // a semicolon in the lessons stays inside its cell in German Excel's CSV
    expect(toCsv(header, body, { german: true }).split('\r\n')[1]).toContain(
      '"Nur an der Hauptlaufachse; sonst zu wenig Laufkundschaft."',
    );
  });
});

describe('knowledgeBaseCsv: a measure still running, without units or cost', () => {
  it('leaves the end, the cost and the cost per unit empty rather than writing 0', async () => {
    await i18n.changeLanguage('en');
    const running: Intervention = {
      ...testShop,
      state: 'running',
      endDate: null,
      budgetEur: null,
      storefrontIds: [],
      outcomeChecks: [],
      obstacles: [],
      outcome12: { measure: 'ownBusinessLease', evaluationDate: null, result: 'pending', basis: null },
    };
    const { header, body } = knowledgeBaseCsv([running], new Map(), i18n.t, formatDate);
    expect(header.slice(4, 9)).toEqual([
      'Start',
      'End',
      'Storefronts',
      'Cost (€)',
      'Cost per storefront (€)',
    ]);
    expect(body[0]!.slice(4, 9)).toEqual([formatDate('2024-01-01'), null, 0, null, null]);
    expect(header[11]).toBe('Obstacles');
    expect(body[0]![11]).toBeNull(); // none recorded: an empty cell
  });
});
