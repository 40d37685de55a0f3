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

  it('remembers what it makes and makes it only when missing', () => {
    const cache = new LruCache<string>(2);
    let made = 0;
    const make = (key: string) => () => `${key}${++made}`;
    expect([cache.remember('a', make('a')), cache.remember('a', make('a'))]).toEqual(['a1', 'a1']);
    cache.remember('b', make('b'));
    cache.remember('c', make('c')); // a goes
    expect([cache.remember('a', make('a')), made]).toEqual(['a4', 4]);
  });

  it('keeps the order exact when the newest entry is asked for again, deleted or cleared', () => {
    const cache = new LruCache<string>(3);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    expect([cache.get('c'), cache.get('c'), cache.get('a')]).toEqual(['C', 'C', 'A']); // order b, c, a
    cache.set('d', 'D'); // b goes
    expect(cache.get('b')).toBeUndefined();
    cache.delete('d'); // the newest: a, after it, is asked again and must move behind c
    expect(cache.get('c')).toBe('C'); // order a, c
    expect(cache.get('a')).toBe('A'); // order c, a
    cache.set('e', 'E');
    cache.set('f', 'F'); // c goes
    expect([cache.get('c'), cache.get('a'), cache.size]).toEqual([undefined, 'A', 3]);
    cache.clear();
    cache.set('g', 'G');
    expect([cache.get('g'), cache.get('a'), cache.size]).toEqual(['G', undefined, 1]);
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
