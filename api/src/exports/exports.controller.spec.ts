import { runningDownloads } from './exports.controller.js';
import { exportFileName } from './exports.service.js';

describe('downloads at once', () => {
  it('are a quarter of the database pool, at least one', () => {
    expect(runningDownloads({ databasePoolSize: 20 })).toBe(5); // the default pool
    expect(runningDownloads({ databasePoolSize: 7 })).toBe(1);
    expect(runningDownloads({ databasePoolSize: 1 })).toBe(1);
    expect(runningDownloads({ databasePoolSize: 100 })).toBe(25);
  });
});

describe('download file names', () => {
  it('say what the file holds, for which town and day', () => {
    expect(exportFileName('storefronts', 'muehlhausen', '2026-12-07', 'csv')).toBe(
      'storefronts-muehlhausen-2026-12-07.csv',
    );
    expect(exportFileName('occupancy', null, '2025-06-30', 'csv')).toBe('occupancy-2025-06-30.csv'); // several towns
  });
});
