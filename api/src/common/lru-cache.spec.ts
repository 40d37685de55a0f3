import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('drops the least recently used entry beyond the entry limit', () => {
    const cache = new LruCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual(['A', 'C', 2]);
  });

  it('keeps the summed size within the limit, replacing and deleting entries exactly', () => {
    const cache = new LruCache<Buffer>(100, { maxSize: 10, sizeOf: (b) => b.length });
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    expect(cache.totalSize).toBe(8);
    cache.set('a', Buffer.alloc(2)); // replaced, not added
    expect(cache.totalSize).toBe(6);
    cache.set('c', Buffer.alloc(5)); // 11 > 10: the oldest (b) goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.totalSize).toBe(7);
    cache.delete('a');
    expect([cache.totalSize, cache.size]).toEqual([5, 1]);
    cache.set('huge', Buffer.alloc(11)); // larger than the limit: nothing can stay
    expect([cache.totalSize, cache.size]).toEqual([0, 0]);
    cache.set('d', Buffer.alloc(3));
    cache.clear();
    expect([cache.totalSize, cache.size]).toEqual([0, 0]);
  });
});
