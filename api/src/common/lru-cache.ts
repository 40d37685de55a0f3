/**
 * A small least-recently-used map: a Map keeps insertion order, so the first key is the oldest.
 * Bounded by a number of entries and, with `sizeOf`, by their total size (e.g. bytes of tile bodies).
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;
  /** The key last used (the last in `entries`), or undefined when unknown. */
  private newest: string | undefined;

  constructor(
    private readonly maxEntries: number,
    private readonly limit: { maxSize: number; sizeOf: (value: V) => number } | null = null,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Already the newest: nothing to move (a request often asks for the same key several times, and
    // Map's delete and set cost more than the lookup).
    if (key !== this.newest) {
      this.entries.delete(key);
      this.entries.set(key, value);
      this.newest = key;
    }
    return value;
  }

  /** The value for `key`; made by `make` and kept when there is none. */
  remember(key: string, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    this.total += this.sizeOf(value);
    while (this.entries.size > this.maxEntries || (this.limit && this.total > this.limit.maxSize)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    if (key === this.newest) this.newest = undefined;
    this.entries.delete(key);
    this.total -= this.sizeOf(value);
  }

  clear(): void {
    this.newest = undefined;
    this.entries.clear();
    this.total = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The summed `sizeOf` of the entries (0 without a size limit). */
  get totalSize(): number {
    return this.total;
  }

  private sizeOf(value: V): number {
    return this.limit ? this.limit.sizeOf(value) : 0;
  }
}
