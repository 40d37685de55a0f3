import { Injectable } from '@nestjs/common';

/**
 * An in-process counter that every write to storefronts, occupancy periods, interventions and
 * perimeters bumps (`TileCacheInvalidator.invalidate()`). It is part of every tile's cache key and
 * ETag, next to a cheap database version (see TilesRepository.dataVersion), so cached tiles are
 * never served stale: the counter catches writes at once in this process, the database version
 * catches writes by other processes (and deletes that a max(updated_at) would miss via counts).
 */
@Injectable()
export class TileCacheInvalidator {
  private counter = 0;

  invalidate(): void {
    this.counter += 1;
  }

  get version(): number {
    return this.counter;
  }
}
