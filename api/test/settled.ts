import { isDeepStrictEqual } from 'node:util';
import { ChangeFeed } from '../src/database/change-feed.js';
import type { TestApp } from './app.js';

/**
 * After a test wrote through its own connection (like another API process would): waits until the
 * app's caches reflect it (ChangeFeed.sync — sessions, open-data towns, tile versions, replays).
 */
export const settled = (t: TestApp): Promise<void> => t.app.get(ChangeFeed).sync();

/**
 * Two reads that must agree, read again (up to `tries` times) while they differ: the other test files
 * write in the same database at the same time, and a read over every open-data town can see one of
 * their commits between the two. A real difference shows on every try.
 */
export async function agreeing<T>(read: () => Promise<[T, T]>, tries = 3): Promise<[T, T]> {
  let pair = await read();
  for (let i = 1; i < tries && !isDeepStrictEqual(pair[0], pair[1]); i++) pair = await read();
  return pair;
}
