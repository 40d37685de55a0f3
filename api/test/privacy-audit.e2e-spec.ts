import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import { captureLog } from './log-capture.js';

/** Personal data reaches the editors of its town only; every write leaves an unchangeable trace. */
let t: TestApp;
let own: TestCity;
let other: TestCity;
let editor: Agent;
let viewer: Agent;
let otherEditor: Agent;
let admin: Agent;
let storefrontId: string;
const PHONE = '+49 3621 987654';
const EMAIL = 'vermieterin@privat.example';
/** With its decimals: digits alone (950) turned up inside random and time-ordered ids in the answers. */
const RENT = 987.65;

beforeAll(async () => {
  t = await createTestApp();
  own = await createCity(t.db, [10.7, 50.95], 20000, true);
  other = await createCity(t.db, [10.3, 50.98], 20000, true);
  editor = await signedIn(t, [{ role: 'city_editor', cityId: own.id }]);
  viewer = await signedIn(t, [{ role: 'viewer', cityId: own.id }]);
  otherEditor = await signedIn(t, [{ role: 'city_editor', cityId: other.id }]);
  admin = await signedIn(t, [], true);
  const created = await editor
    .post('/api/storefronts')
    .send({ ...storefrontBody(own), notes: 'Eigentümerin will verkaufen' })
    .expect(201);
  storefrontId = created.body.id;
  await editor
    .put(`/api/storefronts/${storefrontId}/contact`)
    .send({
      version: 1,
      ownerName: 'Erika Muster',
      ownerPhone: PHONE,
      ownerEmail: EMAIL,
      askingRentEurMonth: RENT,
    })
    .expect(200);
});
afterAll(() => t.close());

describe('what an open-data town publishes: location, status and use — no business names, no interventions', () => {
  let unit: string;
  beforeAll(async () => {
    const body = storefrontBody(own, {
      initialStatus: {
        date: '2021-03-01',
        status: 'occupied',
        useCategory: 'health',
        businessName: 'Ergotherapie Anna Muster',
      },
    });
    unit = (await editor.post('/api/storefronts').send(body).expect(201)).body.id;
    await editor
      .post('/api/interventions')
      .send({
        cityId: own.id,
        type: 'pop_up',
        title: 'Pop-up Muster',
        state: 'planned',
        storefrontIds: [unit],
      })
      .expect(201);
  });

  const seenBy = async (get: (url: string) => request.Test) => {
    const one = (await get(`/api/storefronts/${unit}`).expect(200)).body;
    const list = (await get(`/api/storefronts?cityId=${own.id}&pageSize=500`).expect(200)).body.items.find(
      (s: { id: string }) => s.id === unit,
    );
    const history = (await get(`/api/storefronts/${unit}/occupancy`).expect(200)).body;
    const csv = (await get(`/api/exports/storefronts.csv?cityId=${own.id}`).expect(200)).text;
    const periodsCsv = (await get(`/api/exports/occupancy.csv?cityId=${own.id}`).expect(200)).text;
    const town = (await get(`/api/cities/${own.id}`).expect(200)).body;
    return {
      name: [one.current.businessName, list.current.businessName, history[0].businessName],
      interventions: [one.interventionCount, list.interventionCount],
      inExports: [csv.includes('Anna Muster'), periodsCsv.includes('Anna Muster')],
      access: town.access,
    };
  };

  it('members of the town read business names and interventions', async () => {
    for (const [member, access] of [
      [editor, 'edit'],
      [viewer, 'read'],
      [admin, 'read'],
    ] as const) {
      expect(await seenBy((u) => member.get(u))).toEqual({
        name: Array(3).fill('Ergotherapie Anna Muster'),
        interventions: [1, 1],
        inExports: [true, true],
        access,
      });
    }
  });

  it('anonymous visitors and members of other towns get neither', async () => {
    for (const outsider of [(u: string) => request(t.http).get(u), (u: string) => otherEditor.get(u)]) {
      expect(await seenBy(outsider)).toEqual({
        name: [null, null, null],
        interventions: [null, null],
        inExports: [false, false],
        access: 'public',
      });
    }
  });

  it('refuses them the filter by intervention for the town, everywhere it exists', async () => {
    for (const path of [
      `/api/storefronts?cityId=${own.id}&hasIntervention=true`,
      `/api/storefronts/summary?cityId=${own.id}&hasIntervention=false`,
      `/api/exports/storefronts.csv?cityId=${own.id}&hasIntervention=true`,
      `/api/tiles/storefronts/14/8583/5496?cityId=${own.id}&hasIntervention=true`,
    ]) {
      expect([path, (await request(t.http).get(path)).status]).toEqual([path, 401]);
      const res = await otherEditor.get(path);
      expect([path, res.status, res.body.details?.reason]).toEqual([path, 403, 'intervention_filter']);
      expect([path, (await viewer.get(path)).status]).toEqual([path, 200]);
    }
    const list = (await viewer.get(`/api/storefronts?cityId=${own.id}&hasIntervention=true`).expect(200))
      .body;
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([unit]);
  });

  it('without a town asked for, filters by intervention in the towns the caller is a member of', async () => {
    await request(t.http).get('/api/storefronts?hasIntervention=true').expect(401);
    const theirs = (await otherEditor.get('/api/storefronts?hasIntervention=true&pageSize=500').expect(200))
      .body;
    expect(theirs.items.filter((s: { cityId: string }) => s.cityId !== other.id)).toEqual([]);
    const members = (await viewer.get('/api/storefronts?hasIntervention=true&pageSize=500').expect(200)).body;
    expect(members.items.map((s: { id: string }) => s.id)).toContain(unit);
  });
});

describe('personal data', () => {
  it("shows the notes on a unit's periods to the town's editors only", async () => {
    const version = (await editor.get(`/api/storefronts/${storefrontId}`)).body.version as number;
    await editor
      .post(`/api/storefronts/${storefrontId}/status-changes`)
      .send({ version, date: '2024-06-01', status: 'vacant', note: 'Mieter Herr K. insolvent' })
      .expect(201);
    const notesSeenBy = async (get: (url: string) => request.Test) =>
      (
        (await get(`/api/storefronts/${storefrontId}/occupancy`).expect(200)).body as {
          note: string | null;
        }[]
      ).map((p) => p.note);
    expect(await notesSeenBy((u) => editor.get(u))).toContain('Mieter Herr K. insolvent');
    for (const reader of [
      (u: string) => viewer.get(u),
      (u: string) => otherEditor.get(u),
      (u: string) => request(t.http).get(u),
    ]) {
      const notes = await notesSeenBy(reader);
      expect(notes.length).toBeGreaterThan(1);
      expect(notes.every((n) => n === null)).toBe(true);
    }
  });

  it('is visible to the editors of the town', async () => {
    const res = await editor.get(`/api/storefronts/${storefrontId}/contact`).expect(200);
    expect(res.body).toMatchObject({ ownerPhone: PHONE, ownerEmail: EMAIL, askingRentEurMonth: RENT });
    expect(res.headers['cache-control']).toBe('no-store'); // personal data stays out of every cache
  });

  it('is refused to everyone else with the exact status', async () => {
    await viewer.get(`/api/storefronts/${storefrontId}/contact`).expect(403);
    await otherEditor.get(`/api/storefronts/${storefrontId}/contact`).expect(403);
    await admin.get(`/api/storefronts/${storefrontId}/contact`).expect(403);
    await request(t.http).get(`/api/storefronts/${storefrontId}/contact`).expect(401);
  });

  it.each([
    ['the storefront', (id: string) => `/api/storefronts/${id}`],
    ['the list', () => `/api/storefronts?cityId=${own.id}`],
    ['the history', (id: string) => `/api/storefronts/${id}/occupancy`],
    [
      'a tile',
      () =>
        `/api/tiles/storefronts/16/${lonToTile(own.centre[0] + 0.001, 16)}/${latToTile(own.centre[1] + 0.001, 16)}`,
    ],
  ])('never appears in %s, for any role', async (_, url) => {
    for (const client of [editor, viewer, otherEditor, admin]) {
      const res = await client.get(url(storefrontId)).buffer(true);
      const text = Buffer.isBuffer(res.body) ? res.body.toString('latin1') : JSON.stringify(res.body);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(EMAIL);
      expect(text).not.toContain(String(RENT));
    }
  });

  it('keeps internal notes from everyone but the editors', async () => {
    expect((await editor.get(`/api/storefronts/${storefrontId}`)).body.notes).toBe(
      'Eigentümerin will verkaufen',
    );
    expect((await viewer.get(`/api/storefronts/${storefrontId}`)).body.notes).toBeNull();
    expect((await request(t.http).get(`/api/storefronts/${storefrontId}`)).body.notes).toBeNull();
  });

  it('never reaches the logs', async () => {
    const { text } = await captureLog('info', async () => {
      const v = (await editor.get(`/api/storefronts/${storefrontId}`)).body.version as number;
      await editor
        .put(`/api/storefronts/${storefrontId}/contact`)
        .send({ version: v, ownerPhone: PHONE, ownerEmail: 'bad' })
        .expect(400);
      await editor
        .put(`/api/storefronts/${storefrontId}/contact`)
        .send({ version: v, ownerPhone: PHONE, ownerEmail: EMAIL })
        .expect(200);
    });
    expect(text).toContain('"path":"/api/storefronts/');
    expect(text).not.toContain(PHONE);
  });

  it('refuses a second editor who saved from the same version (409), for a change and a removal', async () => {
    const v = (await editor.get(`/api/storefronts/${storefrontId}`)).body.version as number;
    await editor
      .put(`/api/storefronts/${storefrontId}/contact`)
      .send({ version: v, ownerName: 'Erste Kollegin' })
      .expect(200);
    const second = await editor
      .put(`/api/storefronts/${storefrontId}/contact`)
      .send({ version: v, ownerName: 'Zweite Kollegin' })
      .expect(409);
    expect(second.body.code).toBe('VERSION_CONFLICT');
    await editor.delete(`/api/storefronts/${storefrontId}/contact?version=${v}`).expect(409);
    const contact = await editor.get(`/api/storefronts/${storefrontId}/contact`).expect(200);
    expect(contact.body.ownerName).toBe('Erste Kollegin');
    expect((await editor.get(`/api/storefronts/${storefrontId}`)).body.version).toBe(v + 1);
  });

  it('is removed for good when deleted, and the audit trail never held it', async () => {
    const version = (await editor.get(`/api/storefronts/${storefrontId}`)).body.version as number;
    await editor.delete(`/api/storefronts/${storefrontId}/contact?version=${version}`).expect(204);
    expect((await editor.get(`/api/storefronts/${storefrontId}/contact`).expect(204)).text).toBe('');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM storefront_contacts WHERE storefront_id = $1`,
      [storefrontId],
    );
    expect(n).toBe(0);
    const [{ leaks }] = await t.db.query(
      `SELECT count(*)::int AS leaks FROM audit_log WHERE before::text LIKE $1 OR after::text LIKE $1 OR before::text LIKE $2 OR after::text LIKE $2`,
      [`%${PHONE}%`, `%${EMAIL}%`],
    );
    expect(leaks).toBe(0);
  });

  it('is no contact when every field is emptied: deleted, not kept as a row of nulls', async () => {
    const unit = (await editor.post('/api/storefronts').send(storefrontBody(own)).expect(201)).body as {
      id: string;
    };
    const url = `/api/storefronts/${unit.id}/contact`;
    // nothing there, nothing sent: no row, no audit entry
    await editor.put(url).send({ version: 1 }).expect(204);
    expect((await editor.get(url).expect(204)).text).toBe('');
    await editor.put(url).send({ version: 2, ownerName: 'Erika Muster' }).expect(200);
    const emptied = await editor
      .put(url)
      .send({
        version: 3,
        ownerName: null,
        ownerPhone: null,
        ownerEmail: null,
        askingRentEurMonth: null,
        note: null,
      })
      .expect(204);
    expect(emptied.text).toBe('');
    expect((await editor.get(url).expect(204)).text).toBe('');
    const actions = await t.db.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_type = 'storefront_contact' AND entity_id = $1 ORDER BY id`,
      [unit.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});

describe('open data and scopes', () => {
  it('shows anonymous visitors only towns that publish', async () => {
    const hidden = await createCity(t.db, [11.0, 51.1], 20000, false);
    const hiddenEditor = await signedIn(t, [{ role: 'city_editor', cityId: hidden.id }]);
    await hiddenEditor.post('/api/storefronts').send(storefrontBody(hidden)).expect(201);
    const list = await request(t.http).get('/api/storefronts?pageSize=500').expect(200);
    expect(list.body.items.some((s: { cityId: string }) => s.cityId === hidden.id)).toBe(false);
    await request(t.http).get(`/api/storefronts?cityId=${hidden.id}`).expect(401);
    const towns = await request(t.http).get('/api/cities').expect(200);
    expect(towns.body.find((c: { id: string }) => c.id === hidden.id).storefrontCount).toBeNull();
  });

  it('lets a town publish with its open-data switch', async () => {
    const town = await createCity(t.db, [11.2, 51.2], 20000, false);
    const townEditor = await signedIn(t, [{ role: 'city_editor', cityId: town.id }]);
    await request(t.http).get(`/api/storefronts?cityId=${town.id}`).expect(401);
    await townEditor.put(`/api/cities/${town.id}/open-data`).send({ openData: true, version: 1 }).expect(200);
    await request(t.http).get(`/api/storefronts?cityId=${town.id}`).expect(200);
    await request(t.http).get(`/api/interventions?cityId=${town.id}`).expect(401);
  });
});

describe('audit trail', () => {
  it('records who changed what, before and after, shown on the storefront', async () => {
    const created = await editor.post('/api/storefronts').send(storefrontBody(own)).expect(201);
    await editor
      .patch(`/api/storefronts/${created.body.id}`)
      .send({ version: 1, floorAreaM2: 120 })
      .expect(200);
    await editor
      .post(`/api/storefronts/${created.body.id}/status-changes`)
      .send({ version: 2, date: '2025-01-01', status: 'vacant' })
      .expect(201);
    const changes = await editor.get(`/api/storefronts/${created.body.id}/changes`).expect(200);
    expect(
      changes.body.map((c: { entityType: string; action: string }) => `${c.entityType}:${c.action}`),
    ).toEqual(['occupancy:update', 'storefront:update', 'storefront:create']);
    const update = changes.body[1];
    expect(update.userEmail).toBe(editor.email);
    expect(update.before.floorAreaM2).toBe(80);
    expect(update.after.floorAreaM2).toBe(120);
    await viewer.get(`/api/storefronts/${created.body.id}/changes`).expect(403);
  });

  it('cannot be changed or deleted', async () => {
    const code = async (sql: string) => {
      try {
        await t.db.query(sql);
      } catch (e) {
        return (e as { driverError?: { code?: string } }).driverError?.code;
      }
      return 'no error';
    };
    expect(
      await code(`UPDATE audit_log SET action = 'create' WHERE id = (SELECT max(id) FROM audit_log)`),
    ).toBe('SF002');
    expect(await code(`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`)).toBe('SF002');
  });

  it('keeps a removed user’s records: only the user id is cleared, e-mail and snapshots stay', async () => {
    const leaving = await signedIn(t, [{ role: 'city_editor', cityId: own.id }]);
    const created = await leaving.post('/api/storefronts').send(storefrontBody(own)).expect(201);
    const trail = `SELECT user_id, user_email, before::text AS before, after::text AS after
                   FROM audit_log WHERE entity_id = $1 ORDER BY id`;
    const [recorded] = await t.db.query(trail, [created.body.id]);
    expect(recorded).toMatchObject({ user_id: leaving.userId, user_email: leaving.email, before: null });
    await t.db.query(`DELETE FROM users WHERE id = $1`, [leaving.userId]);
    expect(await t.db.query(trail, [created.body.id])).toEqual([{ ...recorded, user_id: null }]);
    // Clearing the user id is the only change allowed: not together with anything else.
    const other = await editor.post('/api/storefronts').send(storefrontBody(own)).expect(201);
    const [row] = await t.db.query<{ id: string }[]>(`SELECT id::text FROM audit_log WHERE entity_id = $1`, [
      other.body.id,
    ]);
    for (const change of [`user_email = 'x@example.org'`, `request_id = 'other'`, `city_id = NULL`]) {
      await expect(
        t.db.query(`UPDATE audit_log SET user_id = NULL, ${change} WHERE id = $1`, [row!.id]),
      ).rejects.toMatchObject({ driverError: { code: 'SF002' } });
    }
  });

  it('rolls back with the change it records', async () => {
    // This town's records only: test files running in parallel write records of their own towns.
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE city_id = $1`, [own.id]))[0]
        .n as number;
    const before = await count();
    await editor
      .post('/api/storefronts')
      .send(storefrontBody(own, { location: { type: 'Point', coordinates: [0, 0] } }))
      .expect(422);
    expect(await count()).toBe(before);
    // The same write, valid, leaves one record: the count above would have seen it.
    await editor.post('/api/storefronts').send(storefrontBody(own)).expect(201);
    expect(await count()).toBe(before + 1);
  });
});

function lonToTile(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function latToTile(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}
