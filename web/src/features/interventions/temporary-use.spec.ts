import { describe, expect, it } from 'vitest';
import { temporaryUseFrom } from './temporary-use';

const TODAY = '2026-05-20';
const vacantSince = (validFrom: string) => [
  { status: 'occupied' as const, validFrom: '2019-01-01', validTo: validFrom },
  { status: 'vacant' as const, validFrom, validTo: null },
];
const testShop = { type: 'test_shop' as const, state: 'running' as const, startDate: '2026-04-01' };

describe('suggesting temporary use after an intervention', () => {
  it('suggests the start of a running test shop, pop-up or temporary use in a vacant unit', () => {
    expect(temporaryUseFrom(testShop, vacantSince('2025-02-01'), TODAY)).toBe('2026-04-01');
    expect(temporaryUseFrom({ ...testShop, type: 'pop_up' }, vacantSince('2025-02-01'), TODAY)).toBe(
      '2026-04-01',
    );
    expect(temporaryUseFrom({ ...testShop, type: 'temporary_use' }, vacantSince('2025-02-01'), TODAY)).toBe(
      '2026-04-01',
    );
    // started today
    expect(temporaryUseFrom({ ...testShop, startDate: TODAY }, vacantSince('2025-02-01'), TODAY)).toBe(TODAY);
  });

  it('does not suggest it for other kinds of intervention', () => {
    for (const type of ['rent_subsidy', 'facade_programme', 'event', 'marketing', 'other'] as const)
      expect(temporaryUseFrom({ ...testShop, type }, vacantSince('2025-02-01'), TODAY)).toBeNull();
  });

  it('does not suggest it for planned or ended ones, or ones without a start or starting later', () => {
    expect(temporaryUseFrom({ ...testShop, state: 'planned' }, vacantSince('2025-02-01'), TODAY)).toBeNull();
    expect(temporaryUseFrom({ ...testShop, state: 'ended' }, vacantSince('2025-02-01'), TODAY)).toBeNull();
    expect(temporaryUseFrom({ ...testShop, startDate: null }, vacantSince('2025-02-01'), TODAY)).toBeNull();
    expect(
      temporaryUseFrom({ ...testShop, startDate: '2026-05-21' }, vacantSince('2025-02-01'), TODAY),
    ).toBeNull();
  });

  it('does not suggest it unless the unit is vacant since before the start', () => {
    const occupied = [{ status: 'occupied' as const, validFrom: '2019-01-01', validTo: null }];
    expect(temporaryUseFrom(testShop, occupied, TODAY)).toBeNull();
    expect(temporaryUseFrom(testShop, [], TODAY)).toBeNull();
    // vacant only since the start (or later): the change would replace the vacancy, not end it
    expect(temporaryUseFrom(testShop, vacantSince('2026-04-01'), TODAY)).toBeNull();
    expect(temporaryUseFrom(testShop, vacantSince('2026-04-15'), TODAY)).toBeNull();
    // a vacancy that has ended is not the current status
    expect(
      temporaryUseFrom(
        testShop,
        [{ status: 'vacant' as const, validFrom: '2025-01-01', validTo: '2026-03-01' }],
        TODAY,
      ),
    ).toBeNull();
  });
});
