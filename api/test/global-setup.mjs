import { execFileSync } from 'node:child_process';

/**
 * A fresh, migrated test database per run: the local cluster's `schaufenster_test`, or the
 * server in TEST_DATABASE_URL (a database the tests may fill). Plain JS: Jest does not transform
 * global setup files.
 */
export default function globalSetup() {
  process.env.TZ = 'UTC';
  process.env.LOG_LEVEL ??= 'silent';
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    execFileSync('bash', ['db/scripts/local-db.sh', 'up'], { stdio: 'inherit' });
    // SCHAUFENSTER_TEST_DB lets two test runs on one machine use separate databases.
    const name = process.env.SCHAUFENSTER_TEST_DB ?? 'schaufenster_test';
    execFileSync('bash', ['db/scripts/local-db.sh', 'recreate', name], { stdio: 'inherit' });
    url = `postgres://postgres@127.0.0.1:${process.env.SCHAUFENSTER_PGPORT ?? '54329'}/${name}`;
  }
  execFileSync('node_modules/.bin/tsx', ['db/migrate.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  process.env.DATABASE_URL = url;
  process.env.TEST_DATABASE_URL = url;
}
