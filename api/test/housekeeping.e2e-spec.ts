import { createTestApp, type TestApp } from './app.js';
import { createUser, editorOf } from './auth.js';
import { createCity } from './factories.js';
import { upload } from './fixtures/import-helpers.js';
import { Housekeeping } from '../src/housekeeping/housekeeping.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[]): Promise<number> =>
  (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;

describe('hourly housekeeping', () => {
  it('deletes day-old failed sign-ins, expired sessions and device cookies and expired uploads when nobody signs in or uploads', async () => {
    const guessed = 'stale-guess@test.example';
    await t.db.query(
      `INSERT INTO sign_in_failures (email, client_ip, at) VALUES ($1, '192.0.2.9', now() - interval '25 hours'),
                                                                ($1, '192.0.2.9', now() - interval '23 hours')`,
      [guessed],
    );
    const user = await createUser(t.db, []);
    await t.db.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
       VALUES ('old', $1, 'x', now() - interval '1 second'), ('live', $1, 'x', now() + interval '1 hour')`,
      [user.id],
    );
    await t.db.query(
      `INSERT INTO sign_in_devices (token_hash, user_id, expires_at)
       VALUES ('old-device', $1, now() - interval '1 second'), ('live-device', $1, now() + interval '1 hour')`,
      [user.id],
    );
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const csv = Buffer.from('Straße;Hausnummer;Status\nMarkt;1;Leerstand\n', 'utf8');
    const expired = (await upload(editor, city.id, csv, 'alt.csv').expect(201)).body.id as string;
    const fresh = (await upload(editor, city.id, csv, 'neu.csv').expect(201)).body.id as string;
    await t.db.query(`UPDATE imports SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired]);

    await t.app.get(Housekeeping).run();

    expect(
      await count(`sign_in_failures WHERE email = $1 AND at < now() - interval '1 day'`, [guessed]),
    ).toBe(0);
    expect(await count(`sign_in_failures WHERE email = $1`, [guessed])).toBe(1); // the recent one counts on
    const sessions = await t.db.query<{ token: string }[]>(
      `SELECT convert_from(token_hash, 'UTF8') AS token FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(sessions.map((s) => s.token)).toEqual(['live']);
    const devices = await t.db.query<{ token: string }[]>(
      `SELECT convert_from(token_hash, 'UTF8') AS token FROM sign_in_devices WHERE user_id = $1`,
      [user.id],
    );
    expect(devices.map((d) => d.token)).toEqual(['live-device']);
    expect(await count(`imports WHERE id = ANY($1::uuid[])`, [[expired]])).toBe(0);
    expect(await count(`imports WHERE id = ANY($1::uuid[])`, [[fresh]])).toBe(1);
  });
});
