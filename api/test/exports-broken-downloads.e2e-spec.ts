import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { createUser, type TestGrant } from './auth.js';
import { captureLog } from './log-capture.js';
import { createCity } from './factories.js';

/**
 * Streamed downloads that do not end well: the database fails after the first bytes (the client must
 * see a broken download, the failure is logged, the connection is not reused), or the client goes
 * away (the cursor's transaction ends and its connection returns to the pool).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await new Promise<void>((listening) => t.http.listen(0, '127.0.0.1', listening));
});
afterAll(() => t.close());

describe('broken downloads', () => {
  it('a database failure after the first bytes breaks the download (no complete-looking file) and is logged', async () => {
    const { cookie, path } = await bulkyExport();
    const { result: outcome, lines: logged } = await captureLog('error', () => {
      const started = new Date();
      return download(path, cookie, async () => {
        // The client reads nothing, so the API waits for the socket with its transaction open.
        const pid = await exportBackend(started);
        await t.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
      });
    });
    const { res, body } = outcome;
    expect(res.statusCode).toBe(200);
    expect(res.complete).toBe(false); // the chunked body never ended
    expect(body.toString('utf8')).toMatch(/^storefrontId,citySlug,/);
    expect(body.length).toBeLessThan(BULKY_UNITS * 1_000);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'download failed after it had started',
        file: expect.stringMatching(/^storefronts-.*\.csv$/),
        requestId: res.headers['x-request-id'],
      }),
    );
    // the broken connection was not handed to the next request
    const after = await request(t.http).get(path).set('Cookie', cookie).expect(200);
    expect(after.text.split('\r\n')).toHaveLength(BULKY_UNITS + 2);
  });

  it('a client that goes away ends the reading: the transaction closes, the connection returns to the pool', async () => {
    const { cookie, path } = await bulkyExport();
    const started = new Date();
    await new Promise<void>((resolve, reject) => {
      const req = get(url(path), { headers: { cookie } }, (res) => {
        res.pause();
        exportBackend(started).then(() => {
          req.destroy();
          resolve();
        }, reject);
      });
      req.on('error', () => undefined);
    });
    expect(await waitFor(async () => (await exportBackends(started)).length === 0)).toBe(true);
  });
});

const url = (path: string): string => `http://127.0.0.1:${(t.http.address() as AddressInfo).port}${path}`;

/**
 * A town whose CSV for its editor holds a 1,000-character note per unit: a batch (≈ 5 MB) is more than
 * the sockets take while the client reads nothing (≈ 3 MB here), so the API has to wait for the client
 * with the cursor's transaction open.
 */
const BULKY_UNITS = 6_000;
async function bulkyExport(): Promise<{ cookie: string; path: string }> {
  const bulky = await createCity(t.db, [11.0, 50.97], 20000, false);
  await t.db.query(
    `WITH s AS (
       INSERT INTO storefronts (city_id, street, house_number, location, notes)
       SELECT $1, 'Anger', i::text, ST_SetSRID(ST_MakePoint(11.0 + i * 0.000001, 50.97), 4326), repeat('Notiz', 200)
       FROM generate_series(1, ${BULKY_UNITS}) i
       RETURNING id, city_id)
     INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) SELECT id, city_id, 'vacant', '2022-01-01' FROM s`,
    [bulky.id],
  );
  return {
    cookie: await sessionCookie({ role: 'city_editor', cityId: bulky.id }),
    path: `/api/exports/storefronts.csv?cityId=${bulky.id}`,
  };
}

async function sessionCookie(grant: TestGrant): Promise<string> {
  const user = await createUser(t.db, [grant]);
  const res = await request(t.http)
    .post('/api/auth/sign-in')
    .send({ email: user.email, password: user.password })
    .expect(200);
  return (res.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
}

/** GET with the client paused after the headers until `whilePaused` is done; then reads to the end. */
function download(
  path: string,
  cookie: string,
  whilePaused: () => Promise<void>,
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url(path), { headers: { cookie } }, (res) => {
      res.pause();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => undefined); // "aborted": what this test expects
      res.on('close', () => resolve({ res, body: Buffer.concat(chunks) }));
      whilePaused().then(() => res.resume(), reject);
    }).on('error', reject);
  });
}

/** Server processes of exports that began after `since` and wait between two FETCHes. */
async function exportBackends(since: Date): Promise<number[]> {
  const rows = await t.db.query<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND state = 'idle in transaction'
       AND query LIKE 'FETCH % FROM batches%' AND xact_start >= $1`,
    [since],
  );
  return rows.map((r) => r.pid);
}

async function exportBackend(since: Date): Promise<number> {
  let pids: number[] = [];
  await waitFor(async () => (pids = await exportBackends(since)).length === 1);
  if (pids.length !== 1) throw new Error(`expected one export waiting for its client, found ${pids.length}`);
  return pids[0]!;
}

async function waitFor(condition: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
