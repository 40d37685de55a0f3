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
