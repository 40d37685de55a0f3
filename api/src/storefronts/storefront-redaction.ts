import { mayAccessTown, type Viewer } from '../auth/viewer.js';
import type { Storefront } from './storefront.types.js';

/**
 * Notes are internal working notes of the town's editors (they may name people); everyone else
 * gets the unit without them.
 */
export function redactStorefront<T extends Storefront>(viewer: Viewer, storefront: T): T {
  return mayAccessTown(viewer, storefront.cityId, 'edit') ? storefront : { ...storefront, notes: null };
}

/** The same for the notes on a unit's periods (its occupancy history). */
export function redactPeriods<T extends { note: string | null }>(
  viewer: Viewer,
  cityId: string,
  periods: T[],
): T[] {
  return mayAccessTown(viewer, cityId, 'edit') ? periods : periods.map((p) => ({ ...p, note: null }));
}
