import type { TFunction } from 'i18next';
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
