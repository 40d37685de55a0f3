import { isApiError } from '../../lib/api-client';
import type { Storefront } from '../../lib/domain';

/** The other person's version of the storefront from a 409 VERSION_CONFLICT, if that is what happened. */
export function conflictingStorefront(error: unknown): Storefront | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const details = error.details as { current?: unknown } | undefined;
  const current = details?.current as (Storefront | { storefront?: Storefront }) | undefined;
  if (!current || typeof current !== 'object') return null;
  if ('storefront' in current && current.storefront) return current.storefront;
  return 'id' in current ? current : null;
}
