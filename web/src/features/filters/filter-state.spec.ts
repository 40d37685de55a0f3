import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  parseDashboardState,
  serializeDashboardState,
  toApiFilter,
  EMPTY_STATE,
} from './filter-state';

describe('dashboard state in the URL', () => {
  it('round-trips every field', () => {
    const search =
      'asOf=2021-12-31&status=occupied,vacant&useCategory=food_drink&vacantForMonths=12&hasIntervention=true' +
      '&view=list&heatmap=1&sort=-floorAreaM2&selected=0b000000-0000-4000-8000-000000000001';
    const state = parseDashboardState(search);
    expect(state).toEqual({
      asOf: '2021-12-31',
      statuses: ['occupied', 'vacant'],
      useCategories: ['food_drink'],
      vacantForMonths: 12,
      hasIntervention: true,
      view: 'list',
      heatmap: true,
      sort: '-floorAreaM2',
      selected: '0b000000-0000-4000-8000-000000000001',
    });
    expect(serializeDashboardState(state)).toBe(search);
  });

  it('keeps the view of openings and closures in the link', () => {
    expect(parseDashboardState('view=changes').view).toBe('changes');
    expect(serializeDashboardState({ ...EMPTY_STATE, view: 'changes' })).toBe('view=changes');
    expect(parseDashboardState('view=chart').view).toBe('map');
  });

  it('drops unknown and malformed values instead of failing', () => {
    expect(
      parseDashboardState(
        'asOf=2023-02-30&status=vacant,gone&vacantForMonths=-3&hasIntervention=yes&view=x&sort=id&selected=1',
      ),
    ).toEqual({ ...EMPTY_STATE, statuses: ['vacant'] });
  });

  it('writes a canonical order so equal views share a URL', () => {
    const a = serializeDashboardState({ ...EMPTY_STATE, statuses: ['vacant', 'occupied'] });
    const b = serializeDashboardState({ ...EMPTY_STATE, statuses: ['occupied', 'vacant'] });
    expect(a).toBe('status=occupied,vacant');
    expect(b).toBe(a);
    expect(serializeDashboardState(EMPTY_STATE)).toBe('');
  });

  it('keeps hasIntervention=false as a real filter', () => {
    const state = parseDashboardState('hasIntervention=false');
    expect(state.hasIntervention).toBe(false);
    expect(activeFilterCount(state)).toBe(1);
  });

  it('turns the state into the API filter', () => {
    const state = parseDashboardState('status=vacant&vacantForMonths=6&view=list');
    expect(toApiFilter(state, 'c1', '2024-01-01')).toEqual({
      cityId: 'c1',
      asOf: '2024-01-01',
      status: 'vacant',
      useCategory: undefined,
      vacantForMonths: 6,
      hasIntervention: undefined,
    });
  });
});
