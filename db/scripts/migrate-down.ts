/**
 * Reverts the most recently applied migration by running its `down`.
 *   tsx db/scripts/migrate-down.ts [--yes]               (sources)
 *   node dist/db/scripts/migrate-down.js [--yes]         (built, e.g. inside the container)
 * Without --yes it only names the migration it would revert. A `down` drops what its `up` created,
 * data included: take a backup first (db/scripts/backup.sh). Target: DATABASE_URL or the local database.
 */
import { createDataSource, DEFAULT_DATABASE_URL } from '../data-source.js';

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const confirmed = process.argv.includes('--yes');

const ds = createDataSource(url, { poolSize: 1 });
await ds.initialize();
try {
  const [last] = await ds.query<{ name: string }[]>(
    `SELECT name FROM schema_migrations ORDER BY "timestamp" DESC, id DESC LIMIT 1`,
  );
  if (!last) {
    console.error('[db] no migration is applied: nothing to revert');
  } else if (!confirmed) {
    console.error(`[db] would revert ${last.name} (its down drops what it created, data included).`);
    console.error('[db] nothing changed. Run again with --yes to revert it.');
    process.exitCode = 1;
  } else {
    await ds.undoLastMigration({ transaction: 'each' });
    console.log(`[db] reverted ${last.name}`);
  }
} finally {
  await ds.destroy();
}
