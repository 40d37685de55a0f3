import { ChangeFeed } from '../src/database/change-feed.js';
import type { TestApp } from './app.js';

/**
 * After a test wrote through its own connection (like another API process would): waits until the
 * app's caches reflect it (ChangeFeed.sync — sessions, open-data towns, tile versions, replays).
 */
export const settled = (t: TestApp): Promise<void> => t.app.get(ChangeFeed).sync();
