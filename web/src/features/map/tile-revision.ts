import { useSyncExternalStore } from 'react';

/**
 * A counter that goes into the tile URL (`&v=`). Every successful write bumps it, so MapLibre
 * drops its tile cache and fetches again; the server answers unchanged tiles cheaply (ETag).
 */
let revision = 0;
const listeners = new Set<() => void>();

export function bumpTileRevision(): void {
  revision += 1;
  listeners.forEach((l) => l());
}

export function useTileRevision(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => revision,
  );
}
