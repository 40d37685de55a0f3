import { DomainError } from '../common/domain-error.js';
import {
  diffHistory,
  planCorrection,
  planRemoval,
  planStatusChange,
  planStatusChangeAfterCurrent,
  type Period,
} from './occupancy-history.js';

const period = (id: string, status: Period['status'], validFrom: string, validTo: string | null): Period => ({
  id,
  status,
  useCategory: status === 'occupied' ? 'retail_daily' : null,
  businessName: null,
  validFrom,
  validTo,
  note: null,
});

const history: Period[] = [
  { ...period('a', 'occupied', '2018-01-01', '2021-06-01'), useCategory: 'food_drink' },
  period('b', 'vacant', '2021-06-01', '2023-03-15'),
  period('c', 'occupied', '2023-03-15', null),
];

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
};

describe('planStatusChange', () => {
  it('closes the current period on the change date and opens the next', () => {
    const next = planStatusChange(history, { date: '2025-02-01', status: 'vacant' });
    expect(next.map((p) => [p.id, p.status, p.validFrom, p.validTo])).toEqual([
      ['a', 'occupied', '2018-01-01', '2021-06-01'],
      ['b', 'vacant', '2021-06-01', '2023-03-15'],
      ['c', 'occupied', '2023-03-15', '2025-02-01'],
      [null, 'vacant', '2025-02-01', null],
    ]);
  });

  it('replaces the current status when the change falls on the day it began (the import’s rule)', () => {
    const next = planStatusChange(history, {
      date: '2023-03-15',
      status: 'temporary_use',
      useCategory: 'food_drink',
    });
    expect(next).toHaveLength(3);
    expect(next[2]).toMatchObject({
      id: 'c',
      status: 'temporary_use',
      useCategory: 'food_drink',
      validTo: null,
    });
  });

  it('refuses a date before the current status began', () => {
    expect(codeOf(() => planStatusChange(history, { date: '2023-03-14', status: 'vacant' }))).toBe(
      'INVALID_PERIOD',
    );
  });

  it('refuses a use category for a vacant unit', () => {
    expect(
      codeOf(() =>
        planStatusChange(history, { date: '2025-01-01', status: 'vacant', useCategory: 'health' }),
      ),
    ).toBe('INVALID_PERIOD');
  });

  it('refuses a change that changes nothing', () => {
    expect(
      codeOf(() =>
        planStatusChange(history, { date: '2025-01-01', status: 'occupied', useCategory: 'retail_daily' }),
      ),
    ).toBe('INVALID_PERIOD');
  });

  it('accepts a new tenant with the same status', () => {
    const next = planStatusChange(history, {
      date: '2025-01-01',
      status: 'occupied',
      useCategory: 'retail_daily',
      businessName: 'Neu',
    });
    expect(next).toHaveLength(4);
  });
});

describe('planStatusChangeAfterCurrent (the dashboard’s status change)', () => {
  const withVacancy: Period[] = [
    period('a', 'vacant', '2020-01-01', '2022-01-01'),
    period('b', 'occupied', '2022-01-01', '2024-01-01'),
    period('c', 'vacant', '2024-01-01', null),
  ];

  it('refuses a change on the day the current status began, naming that day', () => {
    let refusal: unknown;
    try {
      planStatusChangeAfterCurrent(withVacancy, {
        date: '2024-01-01',
        status: 'occupied',
        useCategory: 'retail_daily',
      });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'INVALID_PERIOD',
      details: { reason: 'same_day_as_current', currentSince: '2024-01-01' },
    });
  });

  it('still says „already so“ for a same-day change that changes nothing', () => {
    expect(() => planStatusChangeAfterCurrent(withVacancy, { date: '2024-01-01', status: 'vacant' })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'same_status' }) }) as Error,
    );
  });

  it('records a change a day later as usual', () => {
    const next = planStatusChangeAfterCurrent(withVacancy, { date: '2024-01-02', status: 'occupied' });
    expect(next.map((p) => [p.id, p.status, p.validFrom, p.validTo])).toEqual([
      ['a', 'vacant', '2020-01-01', '2022-01-01'],
      ['b', 'occupied', '2022-01-01', '2024-01-01'],
      ['c', 'vacant', '2024-01-01', '2024-01-02'],
      [null, 'occupied', '2024-01-02', null],
    ]);
  });

  it('the import’s same-day replacement removes no period (the import writes inserts and updates only)', () => {
    const next = planStatusChange(withVacancy, {
      date: '2024-01-01',
      status: 'occupied',
      useCategory: 'retail_daily',
    });
    expect(diffHistory(withVacancy, next).deletedIds).toEqual([]);
    expect(next.map((p) => [p.id, p.status])).toEqual([
      ['a', 'vacant'],
      ['b', 'occupied'],
      ['c', 'occupied'],
    ]);
  });
});

describe('planCorrection', () => {
  it('moving a start moves the previous end with it', () => {
    const next = planCorrection(history, 'b', { validFrom: '2021-01-01' });
    expect(next[0]!.validTo).toBe('2021-01-01');
    expect(next[1]!.validFrom).toBe('2021-01-01');
  });

  it('moving an end moves the next start with it', () => {
    const next = planCorrection(history, 'b', { validTo: '2024-02-29' });
    expect(next[1]!.validTo).toBe('2024-02-29');
    expect(next[2]!.validFrom).toBe('2024-02-29');
  });

  it('refuses to move a boundary past a neighbour', () => {
    expect(codeOf(() => planCorrection(history, 'b', { validFrom: '2017-06-01' }))).toBe('INVALID_PERIOD');
    expect(codeOf(() => planCorrection(history, 'b', { validTo: '2021-06-01' }))).toBe('INVALID_PERIOD');
  });

  it('refuses to end the current period (that is a status change)', () => {
    expect(codeOf(() => planCorrection(history, 'c', { validTo: '2026-01-01' }))).toBe('INVALID_PERIOD');
  });

  it('clears the use category when the status becomes one without use', () => {
    const next = planCorrection(history, 'a', { status: 'vacant' });
    expect(next[0]).toMatchObject({ status: 'vacant', useCategory: null });
  });

  it('joins a corrected period with a neighbour of the same status, use and business, keeping both notes', () => {
    const noted: Period[] = [
      { ...period('a', 'occupied', '2018-01-01', '2021-06-01'), note: 'Bäckerei' },
      { ...period('b', 'vacant', '2021-06-01', '2023-03-15'), note: 'war nie leer' },
      period('c', 'occupied', '2023-03-15', null),
    ];
    const next = planCorrection(noted, 'b', { status: 'occupied', useCategory: 'retail_daily' });
    expect(next.map((p) => [p.id, p.status, p.validFrom, p.validTo, p.note])).toEqual([
      ['a', 'occupied', '2018-01-01', null, 'Bäckerei\nwar nie leer'],
    ]);
  });

  it('keeps neighbours apart when the business differs', () => {
    const next = planCorrection(history, 'b', {
      status: 'occupied',
      useCategory: 'retail_daily',
      businessName: 'Neu',
    });
    expect(next.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves alike neighbours that were alike before the correction (older data) as they are', () => {
    const older: Period[] = [
      period('a', 'vacant', '2018-01-01', '2019-01-01'),
      period('b', 'vacant', '2019-01-01', '2020-01-01'),
      period('c', 'occupied', '2020-01-01', null),
    ];
    expect(planCorrection(older, 'c', { note: 'x' }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('answers NOT_FOUND for a period of another storefront', () => {
    expect(codeOf(() => planCorrection(history, 'zzz', { note: 'x' }))).toBe('NOT_FOUND');
  });
});

describe('planRemoval', () => {
  it('lets the previous period cover the removed one', () => {
    const next = planRemoval(history, 'b');
    expect(next.map((p) => [p.id, p.validFrom, p.validTo])).toEqual([
      ['a', '2018-01-01', '2023-03-15'],
      ['c', '2023-03-15', null],
    ]);
  });

  it('lets the next period start earlier when the first is removed', () => {
    expect(planRemoval(history, 'a')[0]).toMatchObject({ id: 'b', validFrom: '2018-01-01' });
  });

  it('joins the neighbours of a removed period when they are alike', () => {
    const alike = planRemoval(
      [
        period('a', 'vacant', '2018-01-01', '2021-06-01'),
        period('b', 'occupied', '2021-06-01', '2023-03-15'),
        period('c', 'vacant', '2023-03-15', null),
      ],
      'b',
    );
    expect(alike.map((p) => [p.id, p.validFrom, p.validTo])).toEqual([['a', '2018-01-01', null]]);
  });

  it('keeps at least one period', () => {
    expect(codeOf(() => planRemoval([history[2]!], 'c'))).toBe('INVALID_PERIOD');
  });
});

describe('diffHistory', () => {
  it('lists inserted, changed and deleted periods only', () => {
    const diff = diffHistory(
      history,
      planStatusChange(planRemoval(history, 'b'), { date: '2025-01-01', status: 'vacant' }),
    );
    expect(diff.deletedIds).toEqual(['b']);
    expect(diff.updated.map((p) => p.id)).toEqual(['a', 'c']);
    expect(diff.inserted.map((p) => p.status)).toEqual(['vacant']);
  });
});
