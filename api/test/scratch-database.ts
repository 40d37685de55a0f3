import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../db/data-source.js';

/** The repository root (scripts run from there). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Opens a connection to `url` for `fn` and closes it afterwards. */
export async function withDatabase<T>(url: string, fn: (db: DataSource) => Promise<T>): Promise<T> {
  const db = createDataSource(url, { poolSize: 2 });
  await db.initialize();
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/**
 * A database of a test's own on the test server (named after the test and the process, so parallel
 * runs do not meet), for tests that migrate, revert, dump or restore a whole database.
 */
export function scratchDatabase(test: string) {
  const server = new URL(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/schaufenster_test',
  );
  const urlOf = (db: string): string => Object.assign(new URL(server.href), { pathname: `/${db}` }).href;
  const name = `schaufenster_${test}_test_${process.pid}`;
  const drop = (): Promise<unknown> =>
    withDatabase(urlOf('postgres'), (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  return {
    name,
    url: urlOf(name),
    /** Drops and creates it (empty: no extensions, no schema). */
    recreate: async (): Promise<void> => {
      await drop();
      await withDatabase(urlOf('postgres'), (admin) => admin.query(`CREATE DATABASE "${name}"`));
    },
    drop,
    /** db/scripts/migrate-down.ts against it (`--yes` reverts the newest migration). */
    migrateDown: (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
      const r = spawnSync('node_modules/.bin/tsx', ['db/scripts/migrate-down.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: urlOf(name) },
        timeout: 60000,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
