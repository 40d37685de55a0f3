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
 * a member. Answers the towns to filter in: those asked for (`requested`) when the viewer reads them all
 * (else 401/403); without a town asked for, the towns the viewer reads (not the open-data towns besides);
 * `cityIds` unchanged when the filter is not set or the viewer reads every town (an admin).
 */
export function interventionFilterScope(
  viewer: Viewer,
  hasIntervention: boolean | undefined,
  requested: readonly string[] | undefined,
  cityIds: readonly string[] | undefined,
): readonly string[] | undefined {
  if (hasIntervention === undefined || viewer.readableCityIds === null) return cityIds;
  if (!viewer.user) throw new DomainError('UNAUTHENTICATED', 'Please sign in to filter by interventions.');
  if (!requested?.length) return [...viewer.readableCityIds];
  if (requested.every((id) => mayAccessTown(viewer, id, 'read'))) return cityIds;
  throw new DomainError(
    'FORBIDDEN',
    'Filtering by interventions needs member access to the towns asked for: choose a town of yours.',
    { reason: 'intervention_filter' },
  );
}

/**
 * Whether interventionFilterScope leaves the towns as they are (the tile lane answers only then, and
 * hands everything else to the pipeline).
 */
export function interventionFilterUnchanged(
  viewer: Viewer,
  hasIntervention: boolean | undefined,
  requested: readonly string[] | undefined,
): boolean {
  if (hasIntervention === undefined || viewer.readableCityIds === null) return true;
  return !!viewer.user && !!requested?.length && requested.every((id) => mayAccessTown(viewer, id, 'read'));
}
