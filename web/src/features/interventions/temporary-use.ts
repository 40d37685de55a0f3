import type { Intervention, InterventionType, OccupancyPeriod } from '../../lib/domain';

/** Interventions that put an empty unit to use for a while (Testladen, Pop-up, Zwischennutzung). */
const FILLS_A_VACANT_UNIT: readonly InterventionType[] = ['test_shop', 'pop_up', 'temporary_use'];

/**
 * The day from which a just-recorded intervention suggests recording the unit as „Zwischennutzung“, or
 * null. The KPIs count a unit's status, not its interventions: a test shop in a unit still recorded as
 * vacant leaves „Anteil Zwischennutzung“ at 0 % and the vacancy rate too high. Suggested only where the
 * status change would be the plain next step: the intervention runs, began on or before `today`, and the
 * unit's current period is a vacancy that began before it (a change on the vacancy's first day would
 * replace the vacancy instead of ending it).
 */
export function temporaryUseFrom(
  intervention: Pick<Intervention, 'type' | 'state' | 'startDate'>,
  periods: readonly Pick<OccupancyPeriod, 'status' | 'validFrom' | 'validTo'>[],
  today: string,
): string | null {
  const { type, state, startDate } = intervention;
  if (!FILLS_A_VACANT_UNIT.includes(type) || state !== 'running' || !startDate || startDate > today)
    return null;
  const current = periods.find((p) => p.validTo === null);
  if (current?.status !== 'vacant' || current.validFrom >= startDate) return null;
  return startDate;
}
