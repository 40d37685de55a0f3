import { outcomeCheckDueFrom } from '../../lib/dates';

/** The outcome checks after an intervention's end, in months (the API's list). */
export const CHECK_MONTHS = [6, 12, 24] as const;
export type CheckMonths = (typeof CHECK_MONTHS)[number];

/** One outcome check as the form offers it: from when it may be dated, and whether that day has come. */
export interface CheckSlot {
  months: CheckMonths;
  /** The first day the check may be dated: a month before it is due (the API's rule). */
  dueFrom: string;
  open: boolean;
}

/** The checks after `endDate`, each open once its first possible day is `today` or earlier. */
export function checkSlots(endDate: string, today: string): CheckSlot[] {
  return CHECK_MONTHS.map((months) => {
    const dueFrom = outcomeCheckDueFrom(endDate, months);
    return { months, dueFrom, open: dueFrom <= today };
  });
}

/**
 * The check the form opens with: the later of the 6- and 12-month checks that may be dated by now
 * (the 12-month one is the knowledge base's measure; the 24-month one is chosen by hand), else one
 * already recorded (an end date moved later), else none — a check not yet due cannot be saved.
 */
export function preselectedCheck(
  slots: readonly CheckSlot[],
  recorded: readonly number[],
): CheckMonths | null {
  const open = slots.filter((s) => s.open && s.months !== 24).map((s) => s.months);
  if (open.length) return open[open.length - 1]!;
  return slots.find((s) => s.open || recorded.includes(s.months))?.months ?? null;
}

export type CheckDateProblem = 'beforeDue' | 'afterToday';

/** Why a check's date cannot be saved (the API's rules, said before sending); null when it can. */
export function checkDateProblem(checkedOn: string, dueFrom: string, today: string): CheckDateProblem | null {
  if (checkedOn === '') return null; // a check without a date is allowed
  if (checkedOn < dueFrom) return 'beforeDue';
  if (checkedOn > today) return 'afterToday';
  return null;
}
