import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../lib/domain';
import { interventionsOn } from './report-interventions';

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
