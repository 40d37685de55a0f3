import type { Storefront } from '../../lib/domain';

type Current = NonNullable<Storefront['current']>;

/** A start date and what it is the start of. */
export interface SinceShown {
  of: 'business' | 'status';
  date: string;
}

/**
 * The date shown beside a unit's current state. A unit has two starts: `statusSince` spans every
 * period with the current status (a vacancy's start; for an occupied unit possibly an earlier
 * tenant's), `validFrom` is when the current period — the named business — began. Beside a business
 * name the business's start is meant; with the status alone, the status run's.
 */
export function sinceShown(current: Pick<Current, 'businessName' | 'validFrom' | 'statusSince'>): SinceShown {
  return current.businessName
    ? { of: 'business', date: current.validFrom }
    : { of: 'status', date: current.statusSince };
}
