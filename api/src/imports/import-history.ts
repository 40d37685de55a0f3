import { diffHistory, planStatusChange, type Period } from '../occupancy/occupancy-history.js';
import type { OccupancyStatus, UseCategory } from '../storefronts/storefront.types.js';
import type { ProblemCode, ProblemParams } from './import.types.js';
import { germanDate } from './import-values.js';

/** One row of a file that gives a unit's history: from `date` on, the unit was … */
export interface HistoryEvent {
  line: number;
  date: string;
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
}

export interface HistoryProblem {
  line: number;
  code: Extract<ProblemCode, 'CONFLICTING_HISTORY' | 'DATE_BEFORE_CURRENT' | 'NO_CURRENT_STATUS'>;
  reason: string;
  /** The date the problem is about, as in the file (DD.MM.YYYY). */
  value: string;
  params?: ProblemParams;
}

export interface ImportedHistory {
  /** The unit's history after the import (null when a problem forbids writing it). */
  after: Period[] | null;
  /** Periods to insert (id null) and stored periods to change. */
  inserted: Period[];
  updated: Period[];
  problems: HistoryProblem[];
  /** Rows repeating an earlier row of the same unit word for word: left out, not an error. */
  duplicates: { line: number; of: number }[];
}

const same = (a: Pick<Period, 'status' | 'useCategory' | 'businessName'>, b: HistoryEvent): boolean =>
  a.status === b.status && a.useCategory === b.useCategory && a.businessName === b.businessName;
const describe = (e: Pick<HistoryEvent, 'status' | 'useCategory'>): string =>
  e.useCategory ? `${e.status} (${e.useCategory})` : e.status;

/**
 * A unit's history from several rows of one file, merged into its stored history with the rules of
 * `occupancy-history.ts` (periods half-open, gap-free, only the last open):
 *
 * - Rows are ordered by date. Two rows on the same day with different content conflict (both are
 *   reported); a word-for-word repeat is left out. Consecutive rows with the same content are one
 *   period (a yearly list that says "vacant" twice does not split the vacancy).
 * - Rows before the stored history's first day are prepended (the last of them ends where the stored
 *   history begins; with the same content as the first stored period, that period starts earlier).
 * - Rows inside the stored, closed part of the history must agree with it (the status on that day);
 *   a different status there is DATE_BEFORE_CURRENT: history is corrected in the dashboard, not
 *   overwritten by a list.
 * - Rows from the current period's first day on change the status like `planStatusChange`: same day
 *   replaces the current content, a later day closes it and opens the next period.
 */
export function planImportedHistory(
  stored: readonly Period[],
  rows: readonly HistoryEvent[],
): ImportedHistory {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  const problems: HistoryProblem[] = [];
  const duplicates: { line: number; of: number }[] = [];
  const events: HistoryEvent[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.date === sorted[i]!.date) j++;
    const day = sorted.slice(i, j);
    const first = day[0]!;
    const conflicting = day.filter((e) => !same(first, e));
    if (conflicting.length) {
      for (const e of day) {
        const others = day
          .filter((o) => o !== e && !same(o, e))
          .map((o) => `line ${o.line} (${describe(o)})`);
        problems.push({
          line: e.line,
          code: 'CONFLICTING_HISTORY',
          value: germanDate(e.date),
          reason: `On ${germanDate(e.date)} this row says ${describe(e)}, but ${others.join(', ')} of the same unit says otherwise. Keep one of them (different units need different reference ids).`,
        });
      }
    } else {
      events.push(first);
      for (const e of day.slice(1)) duplicates.push({ line: e.line, of: first.line });
    }
    i = j;
  }
  if (problems.length) return { after: null, inserted: [], updated: [], problems, duplicates };

  // Consecutive rows with the same content describe one period.
  const changes = events.filter((e, k) => k === 0 || !same(events[k - 1]!, e));
  let periods: Period[] = stored.map((p) => ({ ...p }));
  const current = periods[periods.length - 1];
  if (current && current.validTo !== null) {
    return {
      after: null,
      inserted: [],
      updated: [],
      duplicates,
      problems: changes.map((e) => ({
        line: e.line,
        code: 'NO_CURRENT_STATUS',
        value: germanDate(e.date),
        reason: 'The unit’s history has ended (no current status); correct it in the dashboard first.',
      })),
    };
  }
  const start = periods[0]?.validFrom;
  const currentFrom = current?.validFrom;
  const earlier = start === undefined ? [] : changes.filter((e) => e.date < start);
  const inside = changes.filter((e) => start !== undefined && e.date >= start && e.date < currentFrom!);
  const later = changes.filter((e) => currentFrom === undefined || e.date >= currentFrom);

  for (const e of inside) {
    const then = periods.find((p) => p.validFrom <= e.date && (p.validTo === null || e.date < p.validTo))!;
    if (!same(then, e)) {
      problems.push({
        line: e.line,
        code: 'DATE_BEFORE_CURRENT',
        value: germanDate(e.date),
        params: { since: germanDate(currentFrom!) },
        reason: `On ${germanDate(e.date)} the stored history says ${describe(then)} (${germanDate(then.validFrom)} – ${germanDate(then.validTo!)}), this row ${describe(e)}. Correct the history in the dashboard, or leave the row out.`,
      });
    }
  }
  if (problems.length) return { after: null, inserted: [], updated: [], problems, duplicates };

  if (earlier.length) {
    const prepended = earlier.map((e, k) => ({
      ...periodOf(e),
      validTo: k + 1 < earlier.length ? earlier[k + 1]!.date : start!,
    }));
    const last = prepended[prepended.length - 1]!;
    const firstStored = periods[0]!;
    if (same(firstStored, { ...last, line: 0, date: last.validFrom })) {
      prepended.pop();
      firstStored.validFrom = last.validFrom;
    }
    periods = [...prepended, ...periods];
  }
  for (const e of later) {
    const now = periods[periods.length - 1];
    if (now && same(now, e)) continue;
    periods = planStatusChange(periods, {
      date: e.date,
      status: e.status,
      useCategory: e.useCategory,
      businessName: e.businessName,
      note: null,
    });
  }
  const { inserted, updated } = diffHistory(stored, periods);
  return { after: periods, inserted, updated, problems, duplicates };
}

function periodOf(e: HistoryEvent): Period {
  return {
    id: null,
    status: e.status,
    useCategory: e.useCategory,
    businessName: e.businessName,
    validFrom: e.date,
    validTo: null,
    note: null,
  };
}
