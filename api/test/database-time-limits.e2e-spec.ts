import pg from 'pg';
import type request from 'supertest';
import { createDataSource } from '../../db/data-source.js';
import { TileQueries } from '../src/tiles/tile-queries.js';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import { captureLog } from './log-capture.js';
import { upload } from './fixtures/import-helpers.js';

/**
 * The API's database sessions have a statement limit and an idle-in-transaction limit
 * (api/src/database/session-limits.ts): a statement over the limit is cancelled and answered 504
 * QUERY_TIMEOUT, and logged; imports and exports raise the limits for their own transactions.
 *
 * A statement is made to run long without sleeping in the API: another session holds a lock the
 * statement needs. Whether a statement of the API outlived the ordinary limit is read off the
 * database's own clock (pg_stat_activity), never measured here.
 */
const STATEMENT_MS = 200;
const IDLE_MS = 1000;
let t: TestApp;
let town: TestCity;
let editor: Agent;

beforeAll(async () => {
  t = await createTestApp({
    DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: String(IDLE_MS),
    DATABASE_LONG_RUNNING_TIMEOUT_MS: '120000',
  });
  town = await createCity(t.db, [10.45, 51.21]);
  editor = await editorOf(t, town.id);
  await editor
    .post('/api/storefronts')
    .send(storefrontBody(town, { street: 'Marktstraße' }))
    .expect(201);
});
afterAll(() => t.close());

/** A session of its own (not the API's, no limits) holding `LOCK TABLE storefronts` until released. */
async function lockStorefronts(mode: string): Promise<{ pid: number; release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE storefronts IN ${mode} MODE`);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return {
    pid: rows[0]!.pid,
    release: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/**
 * Resolves once a statement blocked by `holderPid` has been running longer than `ms` by the database's
 * clock — it was not cancelled at the ordinary limit. Fails when none is seen within 20 s.
 */
async function blockedLongerThan(holderPid: number, ms: number): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [row] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE $1 = ANY(pg_blocking_pids(pid)) AND clock_timestamp() - query_start > $2 * interval '1 millisecond'`,
      [holderPid, ms],
    );
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no statement waited for the lock longer than ${ms} ms`);
}

describe('the statement limit', () => {
  it('is set on the connections of both pools', async () => {
    const [main] = await t.db.query<{ statement: string; idle: string }[]>(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(main).toEqual({ statement: '200ms', idle: '1s' });
    const tiles = await t.app
      .get(TileQueries)
      .first<{ statement: string }>(`SELECT current_setting('statement_timeout') AS statement`, []);
    expect(tiles).toEqual({ statement: '200ms' });
  });

  it('cancels a statement that runs longer: 504 QUERY_TIMEOUT in the error shape, logged with the request id', async () => {
    const lock = await lockStorefronts('ACCESS EXCLUSIVE');
    const { result: res, lines } = await captureLog('error', () =>
      editor.get(`/api/storefronts?cityId=${town.id}`),
    ).finally(lock.release);
    expect(res.status).toBe(504);
    expect(res.body).toEqual({
      code: 'QUERY_TIMEOUT',
      message: expect.stringContaining('took too long'),
      requestId: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|storefronts|canceling/);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'query timeout', code: 'QUERY_TIMEOUT', requestId: res.body.requestId }),
    );
    // the connection goes back to the pool in working order
    await editor.get(`/api/storefronts?cityId=${town.id}`).expect(200);
  });

  it('does not bind an export: its snapshot waits out the lock and the download is complete', async () => {
    const lock = await lockStorefronts('ACCESS EXCLUSIVE');
    let download: Promise<request.Response> | undefined;
    try {
      download = editor.get(`/api/exports/storefronts.csv?cityId=${town.id}`).then((res) => res);
      await blockedLongerThan(lock.pid, 3 * STATEMENT_MS);
    } finally {
      await lock.release();
    }
    const res = await download;
    expect(res.status).toBe(200);
    expect(res.text).toContain('Marktstraße');
  });

  it('does not bind an import: its commit waits out the lock and writes every row', async () => {
    const csv = [
      'Straße;Nr;Status;lat;lon',
      'Steinweg;1;leer;51.2098;10.4531',
      'Steinweg;2;leer;51.2099;10.4532',
    ];
    const up = await upload(editor, town.id, Buffer.from(csv.join('\n')), 'liste.csv').expect(201);
    const url = `/api/cities/${town.id}/imports/${up.body.id}`;
    const suggestions = await editor.get(`${url}/suggestions`).expect(200);
    await editor.put(`${url}/mapping`).send(suggestions.body.mapping).expect(200);
    await editor.post(`${url}/dry-run`).expect(200);
    // Writers wait, readers do not: the commit is held at its first write to the units.
    const lock = await lockStorefronts('EXCLUSIVE');
    let commit: Promise<request.Response> | undefined;
    try {
      commit = editor.post(`${url}/commit`).then((res) => res);
      await blockedLongerThan(lock.pid, 3 * STATEMENT_MS);
    } finally {
      await lock.release();
    }
    const res = await commit;
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ created: 2, rejected: 0 });
  });
});

describe('the idle-in-transaction limit', () => {
  it('ends a session left idle in a transaction; the API carries on', async () => {
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    const [{ pid }] = (await runner.query(`SELECT pg_backend_pid() AS pid`)) as [{ pid: number }];
    // the server ends the session once it has been idle in the transaction for IDLE_MS
    for (let i = 0; i < 400; i++) {
      const [row] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`,
        [pid],
      );
      if (row!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect(runner.query('SELECT 1')).rejects.toThrow();
    await runner.release();
    await editor.get(`/api/storefronts?cityId=${town.id}`).expect(200);
  });
});

describe('migrations, seeds and scripts', () => {
  it('run without any time limit', async () => {
    const ds = createDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1 });
    await ds.initialize();
    try {
      const [row] = await ds.query<{ statement: string; idle: string }[]>(
        `SELECT current_setting('statement_timeout') AS statement,
                current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(row).toEqual({ statement: '0', idle: '0' });
    } finally {
      await ds.destroy();
    }
  });
});
