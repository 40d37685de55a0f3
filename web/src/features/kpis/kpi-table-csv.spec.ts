import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { formatDate } from '../../lib/format';
import type { TownKpis } from './api/kpis-api';
import { toCsv } from '../../lib/csv';
import { csvValue, kpiTableCsv } from './kpi-table-csv';

const town = (
  cityId: string,
  perimeterIsPlaceholder: boolean,
  vacancyRate: number,
  days: number,
  per1000 = 0.456,
) =>
  ({
    cityId,
    perimeterIsPlaceholder,
    units: 217,
    vacancyRate,
    notInUseRate: null,
    vacancyRateByArea: null,
    longTermVacancyShare: null,
    medianVacancyDays: days,
    temporaryUseShare: null,
    vacantPer1000Inhabitants: per1000,
    dataFreshness: null,
    interventionConversionRate: null,
    vacantUnits: Math.round(217 * vacancyRate),
    interventionsEvaluated: 5,
    interventionsConverted: 2,
    flows: { openings: 5, closures: 7, netChange: -2, medianReLettingDays: null },
  }) as unknown as TownKpis;

beforeAll(initAppI18n);

describe('kpiTableCsv', () => {
  it('rounds as the table shows: percent with one decimal, per 1,000 with two, days whole', () => {
    expect(csvValue('fraction', 0.13449)).toBe(13.4);
    expect(csvValue('fraction', 0.13451)).toBe(13.5);
    expect(csvValue('per1000', 0.456)).toBe(0.46);
    expect(csvValue('days', 305.5)).toBe(306);
    expect(csvValue('count', 217)).toBe(217);
    expect(csvValue('days', null)).toBeNull();
  });

  it('gives every row the reference date, the units in the header, the provisional perimeter and synthetic data', async () => {
    await i18n.changeLanguage('de');
    const { header, body } = kpiTableCsv(
      [town('a', true, 0.13449, 305.5), town('g', false, 0.1, 12, 0.5)],
      new Map([
        ['a', 'Apolda'],
        ['g', 'Gotha'],
      ]),
      new Set(['a']),
      '2025-06-30',
      i18n.t,
      formatDate,
    );
    expect(header.slice(0, 4)).toEqual(['Stadt', 'Stichtag', 'Ladenlokale', 'Leerstandsquote (%)']);
    expect(header).toContain('Median Leerstandsdauer (Tage)');
    expect(header.slice(-2)).toEqual(['Innenstadtbereich vorläufig', 'Demodaten (synthetisch)']);
    const csv = toCsv(header, body, { german: true });
    const apolda = csv.split('\r\n')[1]!.split(';');
    expect(apolda.slice(0, 4)).toEqual(['Apolda', '30.06.2025', '217', '13,4']);
    // one decimal for shares, two per 1,000 inhabitants, always: „10,0“ and „0,50“, not „10“ and „0,5“
    const gotha = csv.split('\r\n')[2]!.split(';');
    expect(gotha[3]).toBe('10,0');
    expect(gotha[header.indexOf('Leerstände je 1.000 Einwohner')]).toBe('0,50');
    expect(apolda[header.indexOf('Median Leerstandsdauer (Tage)')]).toBe('306');
    expect(apolda.slice(-2)).toEqual(['ja', 'ja']);
    // the counts behind the rates: 29 of 217 vacant, 2 of 5 interventions led to a lease
    expect(header.slice(-5, -2)).toEqual([
      'Leerstehende Ladenlokale',
      'Maßnahmen ausgewertet (bisher)',
      'davon in reguläre Miete',
    ]);
    expect(apolda.slice(-5, -2)).toEqual(['29', '5', '2']);
    expect(csv.split('\r\n')[2]!.split(';').slice(-2)).toEqual(['nein', 'nein']);
  });
});
