import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../lib/domain';
import { interventionsOn, outcomeOn } from './report-interventions';

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
  storefrontIds: [],
  outcomeChecks: [],
  outcome12: null,
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

  it('reports the 12-month check only once it was made', () => {
    const checked = (checkedOn: string | null, regularLeaseSigned: boolean | null) =>
      intervention({
        outcomeChecks: [
          { monthsAfterEnd: 12, checkedOn, regularLeaseSigned, businessStillTrading: null, note: null },
        ],
      });
    expect(outcomeOn(checked('2025-04-01', true), '2025-06-30')).toBe('lease');
    expect(outcomeOn(checked('2025-04-01', false), '2025-06-30')).toBe('noLease');
    expect(outcomeOn(checked('2025-09-01', true), '2025-06-30')).toBe('open');
    expect(outcomeOn(checked(null, true), '2025-06-30')).toBe('lease');
    expect(outcomeOn(intervention({}), '2025-06-30')).toBe('open');
  });
});
