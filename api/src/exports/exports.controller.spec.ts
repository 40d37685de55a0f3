import { runningDownloads } from './exports.controller.js';

describe('downloads at once', () => {
  it('are a quarter of the database pool, at least one', () => {
    expect(runningDownloads({ databasePoolSize: 20 })).toBe(5); // the default pool
    expect(runningDownloads({ databasePoolSize: 7 })).toBe(1);
    expect(runningDownloads({ databasePoolSize: 1 })).toBe(1);
    expect(runningDownloads({ databasePoolSize: 100 })).toBe(25);
  });
});
