import { mayAccessTown, type Viewer } from '../auth/viewer.js';
import { DomainError } from '../common/domain-error.js';
import type { Storefront } from './storefront.types.js';

/**
 * What a viewer does not get of a unit:
 * - notes, the town editors' internal working notes (they may name people), unless they edit the town;
 * - business names and interventions, unless they read the town as a member (signed in with a grant):
 *   what an open-data town publishes is location, status and use (docs/security.md). A business
 *   name often is a person's name („Ergotherapie Anna Muster“); which unit had an intervention is
 *   the network's working knowledge.
 */
export function redactStorefront<T extends Storefront>(viewer: Viewer, storefront: T): T {
  if (mayAccessTown(viewer, storefront.cityId, 'edit')) return storefront;
  if (mayAccessTown(viewer, storefront.cityId, 'read')) return { ...storefront, notes: null };
  return {
    ...storefront,
    notes: null,
    interventionCount: null,
    current: storefront.current && { ...storefront.current, businessName: null },
  };
}

/** The same for a unit's periods (its occupancy history): notes for editors, business names for readers. */
export function redactPeriods<T extends { note: string | null; businessName: string | null }>(
  viewer: Viewer,
  cityId: string,
  periods: T[],
): T[] {
  if (mayAccessTown(viewer, cityId, 'edit')) return periods;
  const publicOnly = !mayAccessTown(viewer, cityId, 'read');
  return periods.map((p) => ({ ...p, note: null, ...(publicOnly ? { businessName: null } : {}) }));
}

/**
 * The filter „with/without intervention“ tells which units had one: only for towns the viewer reads as
 * a member. `cityIds`: the towns in view (undefined: every town, an admin's).
 */
export function checkInterventionFilter(
  viewer: Viewer,
  hasIntervention: boolean | undefined,
  cityIds: readonly string[] | undefined,
): void {
  if (mayFilterByIntervention(viewer, hasIntervention, cityIds)) return;
  if (!viewer.user) throw new DomainError('UNAUTHENTICATED', 'Please sign in to filter by interventions.');
  throw new DomainError(
    'FORBIDDEN',
    'Filtering by interventions needs member access to every town in view: choose a town of yours.',
    { reason: 'intervention_filter' },
  );
}

/** Whether checkInterventionFilter lets the filter through (the tile lane asks without throwing). */
export function mayFilterByIntervention(
  viewer: Viewer,
  hasIntervention: boolean | undefined,
  cityIds: readonly string[] | undefined,
): boolean {
  if (hasIntervention === undefined || viewer.readableCityIds === null) return true;
  return cityIds !== undefined && cityIds.every((id) => mayAccessTown(viewer, id, 'read'));
}
