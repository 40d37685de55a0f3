import { SetMetadata } from '@nestjs/common';
import type { TownAction } from './viewer.js';

/** Where the guard finds the town a request concerns. */
export type TownSource =
  | { from: 'param'; name: string; entity: 'city' | 'storefront' | 'intervention' }
  | { from: 'body' }
  | { from: 'query' };

/**
 * Every route declares who may call it; the guard refuses routes without a rule, and the
 * authorisation matrix test enumerates every route, so a new endpoint cannot ship without one.
 */
export type AccessPolicy =
  | { kind: 'public' }
  /** Anyone, and the guard asks the database nothing: health probes answer while it is away. */
  | { kind: 'probe' }
  /** `beforePasswordChange`: also for a user still on a temporary password (the password change itself). */
  | { kind: 'signedIn'; beforePasswordChange?: boolean }
  | { kind: 'admin' }
  | { kind: 'town'; action: TownAction; town: TownSource }
  /** Lists across towns: `cityId` in the query is checked; the handler limits results with visibleCityIds(). */
  | { kind: 'towns'; publicData: boolean };

export const ACCESS_POLICY = 'schaufenster:access';

export const Access = (policy: AccessPolicy): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, policy);

export const Public = (): MethodDecorator & ClassDecorator => Access({ kind: 'public' });

/** A health probe's route: no session is looked up, no viewer built (both may need the database). */
export const Probe = (): MethodDecorator & ClassDecorator => Access({ kind: 'probe' });

/** Shorthands for the common cases. */
export const ReadTown = (entity: 'city' | 'storefront' | 'intervention', name = 'id', publicData = false) =>
  Access({ kind: 'town', action: publicData ? 'readPublic' : 'read', town: { from: 'param', name, entity } });
export const EditTown = (entity: 'city' | 'storefront' | 'intervention', name = 'id') =>
  Access({ kind: 'town', action: 'edit', town: { from: 'param', name, entity } });
