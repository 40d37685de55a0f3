import type { Intervention, InterventionState } from '../../lib/domain';

/** Interventions started on or before the date, oldest first, with their state on that date. */
export function interventionsOn(
  items: Intervention[],
  asOf: string,
): { intervention: Intervention; state: InterventionState }[] {
  return items
    .filter((i) => i.startDate !== null && i.startDate <= asOf)
    .sort((a, b) =>
      a.startDate! < b.startDate! ? -1 : a.startDate! > b.startDate! ? 1 : a.title.localeCompare(b.title),
    )
    .map((i) => ({ intervention: i, state: i.endDate !== null && i.endDate < asOf ? 'ended' : 'running' }));
}

/**
 * The 12-month outcome as known on the date: the recorded check when it was made by then (or
 * carries no date), else still open. The registry-based rule of the conversion KPI is the API's
 * business; this column only reports what was observed.
 */
export function outcomeOn(i: Intervention, asOf: string): 'lease' | 'noLease' | 'open' {
  const check = i.outcomeChecks.find((c) => c.monthsAfterEnd === 12);
  if (!check || check.regularLeaseSigned === null) return 'open';
  if (check.checkedOn !== null && check.checkedOn > asOf) return 'open';
  return check.regularLeaseSigned ? 'lease' : 'noLease';
}
