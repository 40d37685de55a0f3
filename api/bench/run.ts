import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../db/data-source.js';
import { hashPassword } from '../src/auth/password.js';
import { splitCores } from './cores.js';
import { generate, SIZES, type Size } from './dataset.js';
import { runWorkloads } from './workloads.js';

/**
 * `npm run bench [S|M|L] [--reuse] [--mixed-seconds N] [--only tiles,cached,lowzoom,kpis,import,mixed] [--split-cores]`:
 * builds the synthetic data set of that size in the separate database `schaufenster_bench` (recreated
 * unless --reuse finds the same size there), starts the API on a loopback port against it and runs
 * every workload against its comparator, printing times and ratios (docs/benchmarks.md).
 * `--split-cores` runs the workloads with PostgreSQL on a core of its own (cores.ts). Not part of `npm test`.
 */
const args = process.argv.slice(2);
const size = (args.find((a) => /^[SML]$/.test(a)) ?? 'S') as Size;
const reuse = args.includes('--reuse');
const mixedSeconds = Number(args[args.indexOf('--mixed-seconds') + 1] ?? 60) || 60;
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const split = args.includes('--split-cores');
const DB = process.env.BENCH_DB ?? 'schaufenster_bench';
const port = process.env.SCHAUFENSTER_PGPORT ?? '54329';
const dbUrl = new URL(`postgres://postgres@127.0.0.1:${port}/${DB}`);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3917);
const log = (msg: string): void => console.log(`[bench] ${msg}`);

async function prepareDatabase(): Promise<string> {
  const db = createDataSource(dbUrl.href, { poolSize: 2 });
  if (reuse) {
    const meta = await benchMeta(db);
    if (meta?.size === size) {
      log(`reusing ${DB} (size ${size})`);
      // A failing migration stops the bench (it must never be taken for "no data set here").
      const applied = await migrate(dbUrl.href);
      if (applied.length) log(`applied pending migrations: ${applied.join(', ')}`);
      return meta.source;
    }
  }
  log(`recreating ${DB}`);
  execFileSync('bash', ['db/scripts/local-db.sh', 'recreate', DB], { stdio: 'inherit' });
  await migrate(dbUrl.href);
  await db.initialize();
  try {
    const t0 = Date.now();
    const source = await generate(db, size, log);
    await db.query(`CREATE TABLE bench_meta AS SELECT $1::text AS size, $2::text AS source`, [size, source]);
    log(`data set ${size} generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return source;
  } finally {
    await db.destroy();
  }
}

/** The size and source of the data set in the bench database; undefined when there is none. */
async function benchMeta(db: DataSource): Promise<{ size: string; source: string } | undefined> {
  try {
    await db.initialize();
    const [meta] = await db.query<{ size: string; source: string }[]>(`SELECT size, source FROM bench_meta`);
    return meta;
  } catch {
    return undefined; // no database or no bench_meta table yet
  } finally {
    if (db.isInitialized) await db.destroy();
  }
}

async function dataDirectory(): Promise<string> {
  const db = createDataSource(dbUrl.href, { poolSize: 1 });
  await db.initialize();
  try {
    const [row] = await db.query<{ data_directory: string }[]>(`SHOW data_directory`);
    return row!.data_directory;
  } finally {
    await db.destroy();
  }
}

async function createAdmin(): Promise<{ email: string; password: string }> {
  const db = createDataSource(dbUrl.href, { poolSize: 1 });
  await db.initialize();
  const email = `bench-admin-${Date.now()}@bench.example`;
  const password = 'bench admin password 1234';
  const [user] = await db.query<{ id: string }[]>(
    `INSERT INTO users (email, display_name, password_hash, is_admin) VALUES ($1, 'Bench', $2, true) RETURNING id`,
    [email, await hashPassword(password)],
  );
  // imports are a town editor's action: the bench user edits the import town (the largest id)
  await db.query(
    `INSERT INTO user_grants (user_id, role, city_id)
     SELECT $1, 'city_editor', id FROM cities ORDER BY id DESC LIMIT 1`,
    [user!.id],
  );
  await db.destroy();
  return { email, password };
}

function startApi(): ChildProcess {
  // e.g. BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the API under load
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, fileURLToPath(new URL('../src/main.js', import.meta.url))], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.href,
      PORT: String(API_PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForApi(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not start within 60 s');
}

async function main(): Promise<void> {
  log(`size ${size}: ${SIZES[size].toLocaleString('en')} storefronts; database ${DB}`);
  const pgVersion = execFileSync('/usr/lib/postgresql/15/bin/postgres', ['--version'], {
    encoding: 'utf8',
  }).trim();
  log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
      `load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; node ${process.version}; ${pgVersion}`,
  );
  const source = await prepareDatabase();
  log(`towns: ${source}`);
  const admin = await createAdmin();
  const base = `http://127.0.0.1:${API_PORT}`;
  // Before the API starts: it inherits this process's core.
  const joinCores = split ? splitCores(await dataDirectory(), log) : undefined;
  const api = startApi();
  try {
    await waitForApi(base);
    await runWorkloads({ base, api, admin, dbUrl, size, mixedSeconds, only, log });
  } finally {
    api.kill('SIGTERM');
    joinCores?.();
  }
  const status = readFileSync('/proc/loadavg', 'utf8').trim();
  log(`done; load average now ${status}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
