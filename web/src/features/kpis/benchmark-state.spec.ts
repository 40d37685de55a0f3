import { describe, expect, it } from 'vitest';
import { benchmarkSearch, parseBenchmarkState } from './benchmark-state';

describe('benchmark URL state', () => {
  it('defaults to the first network, today and the vacancy rate', () => {
    expect(parseBenchmarkState('', 'netz', '2026-05-01')).toEqual({
      network: 'netz',
      towns: [],
      asOf: '2026-05-01',
      kpi: 'vacancyRate',
      myTown: undefined,
    });
  });

  it('round-trips an own selection of towns', () => {
    const state = parseBenchmarkState(
      'towns=a,b&asOf=2024-12-31&kpi=dataFreshness&myTown=a',
      'netz',
      '2026-05-01',
    );
    expect(state).toMatchObject({
      network: undefined,
      towns: ['a', 'b'],
      asOf: '2024-12-31',
      kpi: 'dataFreshness',
    });
    expect(parseBenchmarkState(benchmarkSearch(state, '2026-05-01'), 'netz', '2026-05-01')).toEqual(state);
  });

  it('ignores an invalid date and an unknown KPI', () => {
    expect(parseBenchmarkState('asOf=2024-02-30&kpi=nope', 'n', '2026-05-01')).toMatchObject({
      asOf: '2026-05-01',
      kpi: 'vacancyRate',
    });
  });
});
