import type { Period } from '../occupancy/occupancy-history.js';
import { planImportedHistory, type HistoryEvent } from './import-history.js';

const row = (
  line: number,
  date: string,
  status: HistoryEvent['status'],
  useCategory: HistoryEvent['useCategory'] = null,
): HistoryEvent => ({
  line,
  date,
  status,
  useCategory,
  businessName: null,
});
const period = (id: string, status: Period['status'], validFrom: string, validTo: string | null): Period => ({
  id,
  status,
  useCategory: null,
  businessName: null,
  validFrom,
  validTo,
  note: null,
});
const spans = (periods: Period[] | null) => periods?.map((p) => [p.status, p.validFrom, p.validTo]);

describe('planImportedHistory', () => {
  it('builds a new unit’s history from rows in any order, merging repeats of the same status', () => {
    const plan = planImportedHistory(
      [],
      [
        row(4, '2022-07-15', 'occupied', 'food_drink'),
        row(2, '2021-03-01', 'vacant'),
        row(3, '2021-09-01', 'vacant'),
      ],
    );
    expect(plan.problems).toEqual([]);
    expect(spans(plan.after)).toEqual([
      ['vacant', '2021-03-01', '2022-07-15'],
      ['occupied', '2022-07-15', null],
    ]);
    expect(plan.inserted).toHaveLength(2);
  });

  it('reports both rows of a day with two different statuses, and writes nothing', () => {
    const plan = planImportedHistory([], [row(2, '2021-03-01', 'vacant'), row(5, '2021-03-01', 'occupied')]);
    expect(plan.after).toBeNull();
    expect(plan.problems.map((p) => [p.line, p.code, p.value])).toEqual([
      [2, 'CONFLICTING_HISTORY', '01.03.2021'],
      [5, 'CONFLICTING_HISTORY', '01.03.2021'],
    ]);
    expect(plan.problems[0]!.reason).toContain('line 5 (occupied)');
  });

  it('leaves a word-for-word repeat out without rejecting the unit', () => {
    const plan = planImportedHistory([], [row(2, '2021-03-01', 'vacant'), row(3, '2021-03-01', 'vacant')]);
    expect(plan.duplicates).toEqual([{ line: 3, of: 2 }]);
    expect(spans(plan.after)).toEqual([['vacant', '2021-03-01', null]]);
  });

  it('extends a stored history: closes the current period and appends the later rows', () => {
    const stored = [
      period('a', 'occupied', '2019-01-01', '2021-03-01'),
      period('b', 'vacant', '2021-03-01', null),
    ];
    const plan = planImportedHistory(stored, [
      row(2, '2021-03-01', 'vacant'),
      row(3, '2023-05-01', 'temporary_use'),
      row(4, '2024-02-01', 'occupied'),
    ]);
    expect(spans(plan.after)).toEqual([
      ['occupied', '2019-01-01', '2021-03-01'],
      ['vacant', '2021-03-01', '2023-05-01'],
      ['temporary_use', '2023-05-01', '2024-02-01'],
      ['occupied', '2024-02-01', null],
    ]);
    expect(plan.updated.map((p) => p.id)).toEqual(['b']);
    expect(plan.inserted).toHaveLength(2);
  });

  it('changes nothing when the rows repeat the stored history (a re-imported export)', () => {
    const stored = [
      period('a', 'occupied', '2019-01-01', '2021-03-01'),
      period('b', 'vacant', '2021-03-01', null),
    ];
    const plan = planImportedHistory(stored, [
      row(2, '2019-01-01', 'occupied'),
      row(3, '2021-03-01', 'vacant'),
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.inserted).toEqual([]);
    expect(plan.updated).toEqual([]);
  });

  it('prepends rows before the stored history, joining a period with the same status', () => {
    const stored = [period('b', 'vacant', '2021-03-01', null)];
    const plan = planImportedHistory(stored, [
      row(2, '2018-01-01', 'occupied'),
      row(3, '2020-06-01', 'vacant'),
    ]);
    expect(spans(plan.after)).toEqual([
      ['occupied', '2018-01-01', '2020-06-01'],
      ['vacant', '2020-06-01', null],
    ]);
    expect(plan.updated.map((p) => [p.id, p.validFrom])).toEqual([['b', '2020-06-01']]);
  });

  it('rejects a row that contradicts the stored, closed part of the history', () => {
    const stored = [
      period('a', 'occupied', '2019-01-01', '2021-03-01'),
      period('b', 'vacant', '2021-03-01', null),
    ];
    const plan = planImportedHistory(stored, [
      row(7, '2020-01-01', 'vacant'),
      row(8, '2024-01-01', 'occupied'),
    ]);
    expect(plan.after).toBeNull();
    expect(plan.problems.map((p) => [p.line, p.code])).toEqual([[7, 'DATE_BEFORE_CURRENT']]);
  });

  it('replaces the current period’s content when a row starts on the same day (as the dashboard does)', () => {
    const stored = [period('b', 'vacant', '2021-03-01', null)];
    const plan = planImportedHistory(stored, [
      row(2, '2021-03-01', 'under_renovation'),
      row(3, '2022-01-01', 'vacant'),
    ]);
    expect(spans(plan.after)).toEqual([
      ['under_renovation', '2021-03-01', '2022-01-01'],
      ['vacant', '2022-01-01', null],
    ]);
    expect(plan.updated.map((p) => p.id)).toEqual(['b']);
  });

  it('refuses a unit whose stored history has ended', () => {
    const plan = planImportedHistory(
      [period('a', 'demolished', '2019-01-01', '2020-01-01')],
      [row(2, '2021-01-01', 'vacant')],
    );
    expect(plan.problems.map((p) => p.code)).toEqual(['NO_CURRENT_STATUS']);
  });
});
