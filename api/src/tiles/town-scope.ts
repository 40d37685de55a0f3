import { createHash } from 'node:crypto';
import { LruCache } from '../common/lru-cache.js';

/**
 * The towns a tile is built for, interned. A public map asks for every open-data town with every
 * tile (hundreds of towns; all of them in a national installation), and sorting, hashing and
 * serialising that list per tile cost more CPU than the rest of the request: with interning it is
 * done once per set, and the same array instance lets TileCacheInvalidator and the SQL parameter
 * (`pgTextArray`) remember their work too.
 */
export interface TownScope {
  /** The town ids, sorted; the same array for the same set of towns. */
  readonly ids: readonly string[];
  /** A short key of the set, for cache keys and ETags. */
  readonly key: string;
}

export class TownScopes {
  /** Keyed by the ids in the order given: a viewer's towns come in the same order every time. */
  private readonly scopes = new LruCache<TownScope>(1000);
  /** By array: the public map's town list is one array while the open-data towns stay the same. */
  private readonly byList = new WeakMap<readonly string[], TownScope>();

  of(cityIds: readonly string[]): TownScope {
    let scope = this.byList.get(cityIds);
    if (scope) return scope;
    const given = cityIds.join(',');
    scope = this.scopes.remember(given, () => {
      const ids = [...cityIds].sort();
      return { ids, key: createHash('sha1').update(ids.join(',')).digest('base64url') };
    });
    if (Object.isFrozen(cityIds)) this.byList.set(cityIds, scope);
    return scope;
  }
}
