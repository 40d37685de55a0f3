import type { Session } from './api/auth-api';

/**
 * What the UI offers a user. The API decides (and refuses) on its own; these only hide controls
 * that would be refused. Mirrors api/src/auth/viewer.ts: editing and personal data need a
 * `city_editor` grant for the town — being an admin alone does not allow editing storefronts.
 */
export function mayEditTown(session: Session | undefined, cityId: string | undefined): boolean {
  if (!session?.user || !cityId) return false;
  return session.grants.some((g) => g.role === 'city_editor' && g.cityId === cityId);
}

export function isAdmin(session: Session | undefined): boolean {
  return session?.user?.isAdmin === true;
}

/** Signed-in readers see interventions; anonymous visitors see only what towns publish. */
export function isSignedIn(session: Session | undefined): boolean {
  return Boolean(session?.user);
}
