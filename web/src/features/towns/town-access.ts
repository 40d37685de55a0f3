import type { City } from '../../lib/domain';

/**
 * Whether the viewer reads all of a town's records — interventions, business names — not only what an
 * open-data town publishes (`access` as the API answers it, api/src/auth/viewer.ts `townAccess`). The
 * API refuses the rest (403); the dashboard does not offer it.
 */
export function readsTownRecords(city: Pick<City, 'access'>): boolean {
  return city.access === 'edit' || city.access === 'read';
}
