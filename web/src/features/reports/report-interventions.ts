import type { TFunction } from 'i18next';
import { dayInGermany } from '../../lib/dates';
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
 * Interventions the town had recorded by the date (`createdAt`, its day in Germany) but not begun:
 * a start after the date, or none yet while still planned. What the council may expect next; soonest
 * first, those without a start last. An intervention recorded only after the date was not known on
 * it, so a report dated in the past does not list it.
 */
export function plannedOn(items: Intervention[], asOf: string): Intervention[] {
  return items
    .filter(
      (i) =>
        dayInGermany(i.createdAt) <= asOf &&
        (i.startDate === null ? i.state === 'planned' : i.startDate > asOf),
    )
    .sort(
      (a, b) =>
        (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.title.localeCompare(b.title, 'de'),
    );
}

/** How many addresses a row names before it says „und N weitere“ (a façade programme may use dozens). */
export const ADDRESSES_SHOWN = 3;

/**
 * Where the measure took place, for the council: „Steinweg 2 (Obergeschoss), Marktstraße 5“ — the
 * addresses of the units it used (the title need not name one), never a business name.
 */
export function unitAddresses(units: Intervention['units'], t: TFunction): string {
  const named = units
    .slice(0, ADDRESSES_SHOWN)
    .map((u) => {
      const address = `${u.street} ${u.houseNumber}`.trim();
      return u.floor === 'ground' ? address : `${address} (${t(`floor.${u.floor}`)})`;
    })
    .join(', ');
  const more = units.length - ADDRESSES_SHOWN;
  return more > 0 ? t('reports.interventions.moreUnits', { addresses: named, count: more }) : named;
}
