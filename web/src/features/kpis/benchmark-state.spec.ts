import { describe, expect, it } from 'vitest';
import {
  benchmarkSearch,
  defaultMyTown,
  defaultNetwork,
  myTownOf,
  NO_TOWN,
  parseBenchmarkState,
} from './benchmark-state';

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

describe('the comparison the page opens on', () => {
  const net = (id: string, name: string, cityIds: string[]) => ({
    id,
    slug: id,
    name,
    description: null,
    source: null,
    cityIds,
  });
  // „Allianz“ comes first by name but only one of its towns has numbers to see
  const networks = [
    net('allianz', 'Allianz Thüringer Becken', ['s', 'x', 'y']),
    net('iem', 'Innenstädte', ['m', 'g', 's', 'e']),
  ];
  const visible = new Set(['s', 'm', 'g', 'e']);

  it('is the network with the most towns whose numbers one sees, for anonymous visitors', () => {
    expect(defaultNetwork(networks, [], visible)).toBe('iem');
  });

  it('is the own network of a member, and a network of the own town for its city manager', () => {
    expect(
      defaultNetwork(networks, [{ role: 'network_member', cityId: null, networkId: 'allianz' }], visible),
    ).toBe('allianz');
    expect(defaultNetwork(networks, [{ role: 'city_editor', cityId: 'x', networkId: null }], visible)).toBe(
      'allianz',
    );
    expect(defaultNetwork(networks, [{ role: 'viewer', cityId: 'g', networkId: null }], visible)).toBe('iem');
  });

  it('compares the own town, and none for readers without one (not the first town)', () => {
    expect(defaultMyTown(['m', 'g', 'e'], [{ role: 'viewer', cityId: 'g', networkId: null }])).toBe('g');
    expect(defaultMyTown(['m', 'g', 'e'], [])).toBeUndefined();
    expect(
      defaultMyTown(['m', 'g', 'e'], [{ role: 'network_member', cityId: null, networkId: 'n' }]),
    ).toBeUndefined();
  });

  it('takes the town the address names, none when it says none, else the default', () => {
    const gotha = [{ role: 'viewer' as const, cityId: 'g', networkId: null }];
    expect(myTownOf({ myTown: 'e' }, ['m', 'g', 'e'], gotha)).toBe('e');
    expect(myTownOf({ myTown: NO_TOWN }, ['m', 'g', 'e'], gotha)).toBeUndefined();
    expect(myTownOf({ myTown: 'x' }, ['m', 'g', 'e'], gotha)).toBe('g'); // a town not compared
    expect(myTownOf({ myTown: undefined }, ['m', 'g', 'e'], gotha)).toBe('g');
  });
});
