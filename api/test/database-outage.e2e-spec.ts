import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { migrate } from '../../db/data-source.js';
import { createApp } from '../src/app.factory.js';
import type { TestApp } from './app.js';
import { type Agent, editorOf } from './auth.js';
import { createCity, storefrontBody, tileOf, type TestCity } from './factories.js';

/**
 * The API survives the database going away (issue 9): while it is down every request fails fast with
 * 503 DATABASE_UNAVAILABLE; once it is back, requests succeed again without a restart; no write that
 * was acknowledged is lost — after a clean stop and after a crash (immediate shutdown, WAL recovery).
 *
 * Other test files share the project's cluster, so this one stops and starts a temporary cluster of
 * its own (local-db.sh with SCHAUFENSTER_PGDATA/PGPORT), removed afterwards.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const PGDATA = resolve(ROOT, `.pgdata-outage-${process.pid}`);
const FAIL_FAST_MS = 3000;
const RECOVERY_MS = 10000;

let port = 0;
let t: TestApp;
let city: TestCity;
let editor: Agent;
const previousDatabaseUrl = process.env.DATABASE_URL;

function localDb(...args: string[]): void {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SCHAUFENSTER_PGDATA: PGDATA,
    SCHAUFENSTER_PGPORT: String(port),
    SCHAUFENSTER_DB: 'schaufenster',
  };
  delete env.DATABASE_URL; // with DATABASE_URL set, local-db.sh leaves the local cluster alone
  execFileSync('bash', ['db/scripts/local-db.sh', ...args], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
    timeout: 90000,
  });
}

/** What a crash looks like to the API: no checkpoint, connections cut, WAL recovery on the next start. */
function crashCluster(): void {
  const pgCtl = [`${PG_BIN}/pg_ctl`, '-D', PGDATA, '-m', 'immediate', '-w', 'stop'];
  const [cmd, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...pgCtl] : pgCtl;
  execFileSync(cmd!, args, { stdio: 'pipe', timeout: 30000 });
}

function isFree(candidate: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(candidate, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function freePort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const candidate = 54400 + Math.floor(Math.random() * 500);
    if (!existsSync(`/tmp/.s.PGSQL.${candidate}`) && (await isFree(candidate))) return candidate;
  }
  throw new Error('no free port for the temporary cluster');
}

const createStorefront = (street: string) =>
  editor.post('/api/storefronts').send(storefrontBody(city, { street }));

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; res: T }> {
  const started = Date.now();
  const res = await fn();
  return { ms: Date.now() - started, res };
}

/** Polls /api/health until it answers 200; returns how long that took. */
async function waitUntilHealthy(): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < RECOVERY_MS) {
    const res = await request(t.http).get('/api/health');
    if (res.status === 200) return Date.now() - started;
    expect(res.status).toBe(503);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not recover within ${RECOVERY_MS} ms of the database's return`);
}

/** Every acknowledged storefront is there, read through the API after the database came back. */
async function expectAllPresent(ids: string[]): Promise<void> {
  expect(ids.length).toBeGreaterThan(0);
  const [row] = await t.db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM storefronts WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  expect(row?.n).toBe(ids.length);
  for (const id of ids) {
    await editor.get(`/api/storefronts/${id}`).expect(200);
  }
}

beforeAll(async () => {
  port = await freePort();
  localDb('up');
  const url = `postgres://postgres@127.0.0.1:${port}/schaufenster`;
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL ??= 'silent';
  const app = await createApp();
  await app.init();
  t = { app, http: app.getHttpServer(), db: app.get(DataSource), close: () => app.close() };
  city = await createCity(t.db);
  editor = await editorOf(t, city.id);
}, 120000);

afterAll(async () => {
  try {
    await t?.close();
  } finally {
    process.env.DATABASE_URL = previousDatabaseUrl;
    try {
      if (port) localDb('stop');
    } finally {
      rmSync(PGDATA, { recursive: true, force: true });
    }
  }
}, 60000);

describe('when the database goes away', () => {
  it('answers 503 fast while it is stopped, recovers without a restart, and keeps every acknowledged write', async () => {
    const acknowledged: string[] = [];
    for (const street of ['Marktstraße', 'Steinweg', 'Kornmarkt']) {
      const res = await createStorefront(street).expect(201);
      acknowledged.push(res.body.id);
    }
    await request(t.http).get('/api/health').expect(200);
    // The tiles' own pool (tiles/tile-queries.ts) holds a connection that the stop will cut.
    const tile = (dx: number) => {
      const { x, y } = tileOf(city.centre[0], city.centre[1], 14);
      return editor.get(`/api/tiles/storefronts/14/${x + dx}/${y}`).query({ cityId: city.id });
    };
    await tile(0).expect(200);

    localDb('stop');

    for (const call of [
      () => request(t.http).get('/api/health'),
      () => editor.get(`/api/storefronts/${acknowledged[0]}`),
      () => editor.get('/api/storefronts').query({ cityId: city.id }),
      () => createStorefront('Während des Ausfalls'),
      () => tile(1),
    ]) {
      const { ms, res } = await timed(call);
      expect({ status: res.status, code: res.body.code, retryAfter: res.headers['retry-after'] }).toEqual({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
      expect(res.body.message).toMatch(/database/i);
      expect(ms).toBeLessThan(FAIL_FAST_MS);
    }

    localDb('start');
    expect(await waitUntilHealthy()).toBeLessThan(RECOVERY_MS);

    await expectAllPresent(acknowledged);
    await tile(2).expect(200);
    const after = await createStorefront('Nach dem Ausfall').expect(201);
    await expectAllPresent([after.body.id]);
    const [lost] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM storefronts WHERE street = 'Während des Ausfalls'`,
    );
    expect(lost?.n).toBe(0); // refused with 503, so not written either
  }, 60000);

  it('keeps every write it acknowledged when the database crashes in the middle of a stream of writes', async () => {
    const acknowledged: string[] = [];
    const unexpected: number[] = [];
    let writing = true;
    let refusedAfterCrash = 0;
    let crashed = false;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await createStorefront(`Crashgasse ${i}`);
        if (res.status === 201) acknowledged.push(res.body.id);
        else if (res.status === 503 && res.body.code === 'DATABASE_UNAVAILABLE')
          refusedAfterCrash += crashed ? 1 : 0;
        else unexpected.push(res.status);
      }
    })();

    while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));
    crashCluster();
    crashed = true;
    await new Promise((r) => setTimeout(r, 1000));
    writing = false;
    await writer;

    expect(unexpected).toEqual([]);
    expect(refusedAfterCrash).toBeGreaterThan(0);

    localDb('start');
    expect(await waitUntilHealthy()).toBeLessThan(RECOVERY_MS);
    await expectAllPresent(acknowledged);
  }, 60000);
});
