import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { formatKpi, kpiCases } from './kpi-format';
import { rankingSummary } from './ranking-summary';

beforeAll(initAppI18n);

const shown = (v: number) => formatKpi(i18n.t, 'interventionConversionRate', v);
const ranked = (...rows: [string, number][]) => rows.map(([town, value]) => ({ town, value }));

describe('the ranking sentence', () => {
  it('names every town tied at the top or the bottom, not one of them', async () => {
    await i18n.changeLanguage('de');
    const rows = ranked(
      ['Eisenach', 1],
      ['Sömmerda', 1],
      ['Gotha', 0.4],
      ['Apolda', 0],
      ['Sondershausen', 0],
    );
    expect(rankingSummary(i18n.t, rows, shown, 'Netzwerk-Median', '40,0\u00a0%')).toBe(
      'Höchster Wert: Eisenach und Sömmerda (100,0\u00a0%), niedrigster: Apolda und Sondershausen (0,0\u00a0%); Netzwerk-Median: 40,0\u00a0%.',
    );
  });

  it('counts more than three tied towns', async () => {
    await i18n.changeLanguage('de');
    const rows = ranked(['Gotha', 0.4], ['A', 0], ['B', 0], ['C', 0], ['D', 0]);
    expect(rankingSummary(i18n.t, rows, shown, 'Median', '0,0\u00a0%')).toBe(
      'Höchster Wert: Gotha (40,0\u00a0%), niedrigster: 4 Städte (0,0\u00a0%); Median: 0,0\u00a0%.',
    );
  });

  it('ties by the value as shown: 33,33 % and 33,3 % are the same to the reader', async () => {
    await i18n.changeLanguage('en');
    const rows = ranked(['Gotha', 0.5], ['Apolda', 1 / 3], ['Gera', 0.333]);
    expect(rankingSummary(i18n.t, rows, shown, 'Median', '33.3%')).toBe(
      'Highest: Gotha (50.0%), lowest: Apolda and Gera (33.3%); Median: 33.3%.',
    );
  });

  it('says so when all towns have the same value', async () => {
    await i18n.changeLanguage('de');
    expect(rankingSummary(i18n.t, ranked(['A', 0], ['B', 0]), shown, 'Median', '0,0\u00a0%')).toBe(
      'Alle 2 Städte: 0,0\u00a0%; Median: 0,0\u00a0%.',
    );
    expect(rankingSummary(i18n.t, ranked(['A', 0.2]), shown, 'Median', '20,0\u00a0%')).toBe(
      'Höchster Wert: A (20,0\u00a0%), niedrigster: A (20,0\u00a0%); Median: 20,0\u00a0%.',
    );
  });
});

describe('the cases beside the conversion rate', () => {
  it('„2 von 5“, nothing without evaluated interventions or for other KPIs', async () => {
    await i18n.changeLanguage('de');
    const k = { interventionsEvaluated: 5, interventionsConverted: 2 };
    expect(kpiCases(i18n.t, 'interventionConversionRate', k)).toBe('2 von 5');
    expect(kpiCases(i18n.t, 'vacancyRate', k)).toBeNull();
    expect(
      kpiCases(i18n.t, 'interventionConversionRate', {
        interventionsEvaluated: 0,
        interventionsConverted: 0,
      }),
    ).toBeNull();
    await i18n.changeLanguage('en');
    expect(kpiCases(i18n.t, 'interventionConversionRate', k)).toBe('2 of 5');
  });
});
