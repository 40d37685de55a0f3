import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeFeed } from '../database/change-feed.js';

/**
 * The data version of a set of towns: part of every tile's cache key and ETag, so a cached tile is
 * never served after its data changed.
 *
 * Per town the database keeps a number from a global sequence that every write to its storefronts,
 * periods, intervention links or perimeter moves (`tile_data_versions`, migration AddTileGrid). This
 * service mirrors that table in memory while the ChangeFeed is live (a `tiles` notification reads it
 * again), so a tile request costs no version query; otherwise it asks the
 * database each time. `invalidate()` — called after every write through this process — adds an
 * in-process counter that takes effect at once, before the notification arrives.
 */
@Injectable()
export class TileCacheInvalidator {
  private counter = 0;
  private readonly versions = new Map<string, bigint>();
  private newest = 0n;
  private loaded = false;
  /** Bumped with every read of the table: the maxima below are valid for one generation. */
  private generation = 0;
  /** The largest version per town list (interned lists, TownScopes: the same array every tile). */
  private readonly maxima = new WeakMap<readonly string[], { generation: number; max: bigint }>();
  private current: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    feed.onResync(() => {
      this.loaded = false;
      return this.refresh();
    });
    feed.on('tiles', () => this.refresh());
  }

  invalidate(): void {
    this.counter += 1;
  }

  /** The largest version of the towns (undefined = all towns), with the in-process counter. */
  async version(cityIds: readonly string[] | undefined): Promise<string> {
    return this.versionNow(cityIds) ?? `${await this.queryVersion(cityIds)}#${this.counter}`;
  }

  /** `version` from memory; undefined while the mirror cannot be trusted (feed down, not loaded). */
  versionNow(cityIds: readonly string[] | undefined): string | undefined {
    if (this.feed.live && !this.loaded) void this.refresh();
    if (!(this.feed.live && this.loaded)) return undefined;
    return `${cityIds === undefined ? this.newest : this.maxOf(cityIds)}#${this.counter}`;
  }

  private maxOf(cityIds: readonly string[]): bigint {
    const known = this.maxima.get(cityIds);
    if (known?.generation === this.generation) return known.max;
    let max = 0n;
    for (const id of cityIds) {
      const v = this.versions.get(id);
      if (v !== undefined && v > max) max = v;
    }
    this.maxima.set(cityIds, { generation: this.generation, max });
    return max;
  }

  /**
   * Reads the whole table (one row per town: small). Not only the rows above the newest known
   * version: sequence numbers are drawn before commit, so a later-committing transaction can carry
   * a smaller number. Reads run one after another; notifications during a read queue one more.
   */
  private refresh(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.current.then(() => {
      this.queued = null;
      return this.read();
    });
    this.queued = next;
    this.current = next;
    return next;
  }

  private async read(): Promise<void> {
    try {
      const rows = await this.db.query<{ cityId: string; version: string }[]>(
        `SELECT city_id AS "cityId", version::text FROM tile_data_versions`,
      );
      this.versions.clear();
      this.newest = 0n;
      for (const row of rows) {
        const v = BigInt(row.version);
        this.versions.set(row.cityId, v);
        if (v > this.newest) this.newest = v;
      }
      this.generation += 1;
      this.loaded = true;
    } catch {
      this.loaded = false; // ask the database per request until the next successful read
    }
  }

  private async queryVersion(cityIds: readonly string[] | undefined): Promise<string> {
    const [row] = await this.db.query<{ version: string }[]>(
      cityIds === undefined
        ? `SELECT COALESCE(max(version), 0)::text AS version FROM tile_data_versions`
        : `SELECT COALESCE(max(version), 0)::text AS version FROM tile_data_versions WHERE city_id = ANY($1::uuid[])`,
      cityIds === undefined ? [] : [cityIds],
    );
    return row?.version ?? '0';
  }
}
