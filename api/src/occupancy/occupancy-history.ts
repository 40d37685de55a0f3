import { DomainError } from '../common/domain-error.js';
import { IN_USE_STATUSES, type OccupancyStatus, type UseCategory } from '../storefronts/storefront.types.js';

/**
 * Pure rules of a storefront's status history. Periods are half-open [validFrom, validTo), ordered,
 * gap-free, and only the last is open (validTo null). The database enforces the same rules
 * (history check at commit: migration HistoryChainCheck); here they get clear messages and are unit-tested.
 */
export interface Period {
  /** null for a period not stored yet */
  id: string | null;
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export interface StatusChange {
  date: string;
  status: OccupancyStatus;
  useCategory?: UseCategory | null;
  businessName?: string | null;
  note?: string | null;
}

export type PeriodPatch = Partial<Omit<Period, 'id'>>;

/**
 * Why a history change was refused: `details.reason` lets the dashboard explain it in German (the
 * message is the API's English text); the other details name the dates involved.
 */
export type InvalidPeriodReason =
  | 'use_while_not_in_use'
  | 'no_current_period'
  | 'change_before_current'
  | 'same_status'
  | 'same_day_as_current'
  | 'current_has_no_end'
  | 'only_last_open'
  | 'last_period'
  | 'ends_before_start'
  | 'gap_or_overlap';

const invalid = (
  reason: InvalidPeriodReason,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError('INVALID_PERIOD', message, { reason, ...details });

export function checkUseCategory(status: OccupancyStatus, useCategory: UseCategory | null | undefined): void {
  if (useCategory && !IN_USE_STATUSES.includes(status)) {
    throw invalid(
      'use_while_not_in_use',
      `A use category can only be given while the unit is in use (occupied or temporary use), not when it is ${status}.`,
    );
  }
}

/** Same status, use and business (a period's content besides its dates and note): neighbours like this are one period. */
const sameContent = (a: Period, b: Pick<StatusChange, 'status' | 'useCategory' | 'businessName'>): boolean =>
  a.status === b.status &&
  a.useCategory === (b.useCategory ?? null) &&
  a.businessName === (b.businessName ?? null);

/** The first period of a new storefront. */
export function initialHistory(change: StatusChange): Period[] {
  checkUseCategory(change.status, change.useCategory);
  return [periodFrom(change)];
}

function periodFrom(change: StatusChange): Period {
  return {
    id: null,
    status: change.status,
    useCategory: change.useCategory ?? null,
    businessName: change.businessName ?? null,
    validFrom: change.date,
    validTo: null,
    note: change.note ?? null,
  };
}

/**
 * A status change recorded in the dashboard: "from `date` on the unit is …", a day after the current
 * status began. On that very day it is refused (`same_day_as_current`): it would replace the current
 * status without a word (and lose, say, a vacancy); a wrong current status is corrected in the history.
 */
export function planStatusChangeAfterCurrent(periods: readonly Period[], change: StatusChange): Period[] {
  const current = periods[periods.length - 1];
  if (
    current &&
    current.validTo === null &&
    change.date === current.validFrom &&
    !sameContent(current, change)
  ) {
    throw invalid(
      'same_day_as_current',
      `The current status began on ${change.date}; a change on that day would replace it. Correct the current period in the history instead.`,
      { currentSince: current.validFrom },
    );
  }
  return planStatusChange(periods, change);
}

/**
 * "From `date` on the unit is …": closes the current period on `date` and opens the next. On the day
 * the current period began, the change replaces its content: the import's rule (a list row restates
 * what that day began; api/src/imports/import-history.ts). The import writes only inserted and changed
 * periods, never deletes, so this plan must not remove one — not even to join the replaced period with
 * a previous one of the same content (which it may then leave; the dashboard refuses such a change,
 * `planStatusChangeAfterCurrent`).
 */
export function planStatusChange(periods: readonly Period[], change: StatusChange): Period[] {
  checkUseCategory(change.status, change.useCategory);
  const current = periods[periods.length - 1];
  if (!current) return [periodFrom(change)];
  if (current.validTo !== null)
    throw invalid('no_current_period', 'The history has no current period; correct the last period first.');
  if (change.date < current.validFrom) {
    throw invalid(
      'change_before_current',
      `The change date ${change.date} lies before the start of the current status (${current.validFrom}). Correct the earlier period instead.`,
      { currentSince: current.validFrom },
    );
  }
  if (sameContent(current, change)) {
    throw invalid('same_status', 'The unit already has this status, use and business name.', {
      currentSince: current.validFrom,
    });
  }
  if (change.date === current.validFrom) {
    return [...periods.slice(0, -1), { ...periodFrom(change), id: current.id }];
  }
  return [...periods.slice(0, -1), { ...current, validTo: change.date }, periodFrom(change)];
}

/**
 * Corrects one period. Moving its start moves the previous period's end with it, moving its end
 * moves the next period's start, so the history stays gap-free.
 */
export function planCorrection(periods: readonly Period[], periodId: string, patch: PeriodPatch): Period[] {
  const index = periods.findIndex((p) => p.id === periodId);
  if (index < 0) throw new DomainError('NOT_FOUND', `Period ${periodId} does not belong to this storefront.`);
  const next = periods.map((p) => ({ ...p }));
  const target = next[index]!;
  if (patch.status !== undefined) {
    target.status = patch.status;
    if (!IN_USE_STATUSES.includes(patch.status) && patch.useCategory === undefined) target.useCategory = null;
  }
  if (patch.useCategory !== undefined) target.useCategory = patch.useCategory;
  if (patch.businessName !== undefined) target.businessName = patch.businessName;
  if (patch.note !== undefined) target.note = patch.note;
  checkUseCategory(target.status, target.useCategory);

  if (patch.validFrom !== undefined && patch.validFrom !== target.validFrom) {
    target.validFrom = patch.validFrom;
    const previous = next[index - 1];
    if (previous) previous.validTo = patch.validFrom;
  }
  if (patch.validTo !== undefined && patch.validTo !== target.validTo) {
    const following = next[index + 1];
    if (!following) {
      throw invalid(
        'current_has_no_end',
        'The current status has no end date. Record a status change to end it.',
      );
    }
    if (patch.validTo === null) throw invalid('only_last_open', 'Only the last period may be open-ended.');
    target.validTo = patch.validTo;
    following.validFrom = patch.validTo;
  }
  checkOrder(next);
  return joinNewSameNeighbours(periods, next);
}

/** Removes a wrongly recorded period; the previous one (or, for the first, the next one) covers its time. */
export function planRemoval(periods: readonly Period[], periodId: string): Period[] {
  const index = periods.findIndex((p) => p.id === periodId);
  if (index < 0) throw new DomainError('NOT_FOUND', `Period ${periodId} does not belong to this storefront.`);
  if (periods.length === 1)
    throw invalid('last_period', 'A storefront needs at least one period; delete the storefront instead.');
  const removed = periods[index]!;
  const next = periods.filter((_, i) => i !== index).map((p) => ({ ...p }));
  if (index === 0) next[0]!.validFrom = removed.validFrom;
  else next[index - 1]!.validTo = removed.validTo;
  return joinNewSameNeighbours(periods, next);
}

/**
 * Neighbours that a change left with the same status, use and business become one period, as if it had
 * been recorded once (two runs of one vacancy would split its duration in the KPIs). The earlier keeps
 * its id and start, takes the later one's end, and both notes. Neighbours that were alike already
 * before the change (older data) are left as they are: a change touches only what it changes.
 */
export function joinNewSameNeighbours(before: readonly Period[], after: readonly Period[]): Period[] {
  const alreadyAlike = new Set(
    before.slice(1).flatMap((p, i) => (sameContent(before[i]!, p) ? [`${before[i]!.id}|${p.id}`] : [])),
  );
  const joined: Period[] = [];
  for (const p of after) {
    const previous = joined[joined.length - 1];
    if (previous && sameContent(previous, p) && !alreadyAlike.has(`${previous.id}|${p.id}`)) {
      joined[joined.length - 1] = {
        ...previous,
        validTo: p.validTo,
        note: joinedNotes(previous.note, p.note),
      };
    } else {
      joined.push(p);
    }
  }
  return joined;
}

function joinedNotes(first: string | null, second: string | null): string | null {
  if (first === null || second === null || first === second) return first ?? second;
  return `${first}\n${second}`;
}

function checkOrder(periods: readonly Period[]): void {
  periods.forEach((p, i) => {
    if (p.validTo !== null && p.validTo <= p.validFrom) {
      throw invalid(
        'ends_before_start',
        `A period must end after it starts (${p.validFrom} – ${p.validTo}). Neighbouring periods cannot be skipped over.`,
        {
          validFrom: p.validFrom,
          validTo: p.validTo,
        },
      );
    }
    const following = periods[i + 1];
    if (following && p.validTo !== following.validFrom)
      throw invalid('gap_or_overlap', 'The history would have a gap or an overlap.');
  });
}

export interface HistoryDiff {
  inserted: Period[];
  updated: Period[];
  deletedIds: string[];
}

/** What to write to turn `before` into `after`. */
export function diffHistory(before: readonly Period[], after: readonly Period[]): HistoryDiff {
  const byId = new Map(before.map((p) => [p.id, p]));
  const keep = new Set(after.map((p) => p.id).filter((id): id is string => id !== null));
  return {
    inserted: after.filter((p) => p.id === null),
    updated: after.filter((p) => {
      const old = p.id === null ? undefined : byId.get(p.id);
      return old !== undefined && JSON.stringify(old) !== JSON.stringify(p);
    }),
    deletedIds: before.map((p) => p.id).filter((id): id is string => id !== null && !keep.has(id)),
  };
}
