import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import type { Intervention } from '../../lib/domain';
import { interventionsOn, plannedOn, unitAddresses } from './report-interventions';

beforeAll(async () => {
  await initAppI18n();
  await import('./i18n'); // the report's own strings
});

const intervention = (over: Partial<Intervention>): Intervention => ({
  id: 'i',
  cityId: 'c',
  type: 'pop_up',
  title: 'Pop-up',
  description: null,
  startDate: '2024-01-01',
  endDate: '2024-03-31',
  budgetEur: 1000,
  fundingSource: null,
  partners: null,
  state: 'ended',
  lessonsLearned: null,
  obstacles: [],
  storefrontIds: [],
  units: [],
  outcomeChecks: [],
  outcome12: { measure: 'ownBusinessLease', evaluationDate: '2025-03-31', result: 'pending', basis: null },
  isSynthetic: false,
  version: 1,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  ...over,
});

describe('interventions on a date', () => {
  it('keeps those started by the date, oldest first, with their state on that date', () => {
    const items = [
      intervention({ id: 'b', startDate: '2024-06-01', endDate: '2025-12-31' }),
      intervention({ id: 'a', startDate: '2023-01-01', endDate: '2023-06-30' }),
      intervention({ id: 'later', startDate: '2026-01-01' }),
      intervention({ id: 'unscheduled', startDate: null }),
    ];
    expect(interventionsOn(items, '2025-06-30').map((x) => [x.intervention.id, x.state])).toEqual([
      ['a', 'ended'],
      ['b', 'running'],
    ]);
  });
});

describe('planned on a date', () => {
  it('lists what was recorded by the date and not begun on it: soonest first, without a start last', () => {
    const recorded = (day: string) => `${day}T10:00:00Z`;
    const items = [
      intervention({ id: 'started', startDate: '2025-01-01', createdAt: recorded('2024-12-01') }),
      intervention({
        id: 'next-year',
        state: 'planned',
        startDate: '2026-03-01',
        endDate: null,
        createdAt: recorded('2025-05-01'),
      }),
      intervention({
        id: 'autumn',
        state: 'planned',
        startDate: '2025-09-01',
        endDate: '2025-10-31',
        createdAt: recorded('2025-06-01'),
      }),
      intervention({
        id: 'open',
        state: 'planned',
        startDate: null,
        endDate: null,
        createdAt: recorded('2025-01-01'),
      }),
      // recorded after the date: not known on it
      intervention({
        id: 'recorded-later',
        state: 'planned',
        startDate: '2025-12-01',
        createdAt: recorded('2025-07-15'),
      }),
      // no start but given up or ended (state not planned): nothing to expect
      intervention({
        id: 'no-start-ended',
        state: 'ended',
        startDate: null,
        createdAt: recorded('2024-01-01'),
      }),
      // it began later, but on the date it was still to come (a report dated in the past)
      intervention({
        id: 'began-after',
        state: 'ended',
        startDate: '2025-08-01',
        endDate: '2025-08-31',
        createdAt: recorded('2025-03-01'),
      }),
    ];
    expect(plannedOn(items, '2025-06-30').map((i) => i.id)).toEqual([
      'began-after',
      'autumn',
      'next-year',
      'open',
    ]);
  });

  it('takes the day it was recorded in Germany: 23:30 UTC on 30 June is 1 July in Berlin', () => {
    const late = intervention({
      id: 'late',
      state: 'planned',
      startDate: '2025-09-01',
      createdAt: '2025-06-30T23:30:00Z',
    });
    expect(plannedOn([late], '2025-06-30')).toEqual([]);
    expect(plannedOn([late], '2025-07-01').map((i) => i.id)).toEqual(['late']);
  });
});

describe('unitAddresses', () => {
  const t = i18n.getFixedT('de');
  const unit = (street: string, houseNumber: string, floor: 'ground' | 'upper' | 'basement' = 'ground') => ({
    id: `${street}-${houseNumber}-${floor}`,
    street,
    houseNumber,
    floor,
  });

  it('names the units a measure used by address, with a floor other than the ground floor', () => {
    expect(unitAddresses([unit('Steinweg', '2', 'upper'), unit('Marktstraße', '5')], t)).toBe(
      'Steinweg 2 (Obergeschoss), Marktstraße 5',
    );
  });

  it('names three and counts the rest', () => {
    const many = ['1', '2', '3', '4', '5'].map((n) => unit('Kornmarkt', n));
    expect(unitAddresses(many, t)).toBe('Kornmarkt 1, Kornmarkt 2, Kornmarkt 3 und 2 weitere Ladenlokale');
    expect(unitAddresses(many.slice(0, 4), t)).toBe(
      'Kornmarkt 1, Kornmarkt 2, Kornmarkt 3 und 1 weiteres Ladenlokal',
    );
    expect(unitAddresses([], t)).toBe('');
  });
});
