import type { TFunction } from 'i18next';
import type { TransitionSide } from './api/kpis-api';

/**
 * A unit's state before or after an opening or closure, as a city manager says it: „Genutzt:
 * Gastronomie, Café Rose“, „Leerstand“ (a colon, not brackets: use labels have brackets of their own,
 * „Einzelhandel (aperiodisch)“). `null` is the unit's first record (before) or the end of its history
 * (after).
 */
export function describeSide(
  side: TransitionSide | null,
  t: TFunction,
  position: 'before' | 'after',
  withBusiness = true,
): string {
  if (side === null) return t(`transitions.noRecord.${position}`);
  const details = [
    side.useCategory && t(`category.${side.useCategory}`),
    withBusiness && side.businessName,
  ].filter(Boolean);
  const status = t(`status.${side.status}`);
  return details.length ? `${status}: ${details.join(', ')}` : status;
}
