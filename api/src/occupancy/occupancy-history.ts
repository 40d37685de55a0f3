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

const sameContent = (a: Period, b: StatusChange): boolean =>
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

/** "From `date` on the unit is …": closes the current period on `date` and opens the next. */
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
    // Same day as the current period began: the current status was wrong, replace it.
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
  return next;
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
  return next;
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
