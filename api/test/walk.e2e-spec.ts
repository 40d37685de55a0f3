import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';

/** The site walk: streets with the units due for an on-site check, and one street's units in walking order. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Agent = Awaited<ReturnType<typeof editorOf>>;

async function unit(agent: Agent, city: TestCity, street: string, houseNumber: string, floor?: string) {
  const res = await agent
    .post('/api/storefronts')
    .send({ ...storefrontBody(city, { street, houseNumber }), ...(floor ? { floor } : {}) })
    .expect(201);
  return res.body as { id: string; version: number };
}

describe('site walk', () => {
  it('lists the streets in German order with their units and those due for a check; a check takes a unit off', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const fresh = await unit(editor, city, 'Obergasse', '1');
    await unit(editor, city, 'Obergasse', '3');
    const long = await unit(editor, city, 'Ölmühlgasse', '2');
    await unit(editor, city, 'Ostergasse', '5');
    const gone = await unit(editor, city, 'Ostergasse', '7');
    await editor.post(`/api/storefronts/${fresh.id}/verify`).send({ version: fresh.version }).expect(200);
    // checked long ago: due again (a visit keeps a unit fresh for 12 months, docs/kpis.md)
    await t.db.query(`UPDATE storefronts SET verified_at = '2024-03-01T09:00:00Z' WHERE id = $1`, [long.id]);
    // a demolished unit is not walked to
    await editor
      .post(`/api/storefronts/${gone.id}/status-changes`)
      .send({ version: gone.version, status: 'demolished', date: '2024-05-01' })
      .expect(201);

    const overview = await editor.get(`/api/cities/${city.slug}/walk`).expect(200);
    expect(overview.body).toEqual({
      cityId: city.id,
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      units: 4,
      due: 3,
      streets: [
        { street: 'Obergasse', units: 2, due: 1 },
        { street: 'Ölmühlgasse', units: 1, due: 1 }, // Ö with O, as German lists have it
        { street: 'Ostergasse', units: 1, due: 1 },
      ],
    });

    const obergasse = (await editor.get(`/api/cities/${city.id}/walk`).expect(200)).body.streets[0];
    expect(obergasse).toEqual({ street: 'Obergasse', units: 2, due: 1 });
    // due: number 3; number 1 was checked today, so it stays in the list of the day's walk
    const [first, second] = (
      await editor.get(`/api/cities/${city.id}/walk/units?street=Obergasse&due=true`).expect(200)
    ).body.items as { id: string; version: number; houseNumber: string; verifiedAt: string | null }[];
    expect([first!.houseNumber, first!.verifiedAt !== null]).toEqual(['1', true]);
    expect([second!.houseNumber, second!.verifiedAt]).toEqual(['3', null]);
    await editor.post(`/api/storefronts/${second!.id}/verify`).send({ version: second!.version }).expect(200);
    const after = await editor.get(`/api/cities/${city.id}/walk`).expect(200);
    expect(after.body.streets[0]).toEqual({ street: 'Obergasse', units: 2, due: 0 });
    expect(after.body.due).toBe(2);
    // the street's list of units due keeps the one checked today (a walk's list stays put), with its date
    const still = await editor.get(`/api/cities/${city.id}/walk/units?street=Obergasse&due=true`).expect(200);
    expect(still.body.items.map((u: { id: string }) => u.id)).toEqual([fresh.id, second!.id]);
    expect(still.body.items[1].verifiedAt).not.toBeNull();
    // a unit checked on an earlier day and fresh is not in it
    await t.db.query(`UPDATE storefronts SET verified_at = now() - interval '2 days' WHERE id = $1`, [
      fresh.id,
    ]);
    const later = await editor.get(`/api/cities/${city.id}/walk/units?street=Obergasse&due=true`).expect(200);
    expect(later.body.items.map((u: { id: string }) => u.id)).toEqual([second!.id]);
  });

  it('gives a street’s units in walking order: house numbers as numbers, then floors', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    for (const [n, floor] of [
      ['10a', undefined],
      ['2', 'upper'],
      ['10', undefined],
      ['2', 'basement'],
      ['2', 'ground'],
      ['1', undefined],
    ] as const)
      await unit(editor, city, 'Marktstraße', n, floor);
    await unit(editor, city, 'Anger', '4');
    const res = await editor
      .get(`/api/cities/${city.id}/walk/units?street=${encodeURIComponent(' Marktstraße ')}`)
      .expect(200);
    expect(res.body.street).toBe('Marktstraße');
    expect(
      (res.body.items as { houseNumber: string; floor: string }[]).map((u) => `${u.houseNumber} ${u.floor}`),
    ).toEqual(['1 ground', '2 ground', '2 upper', '2 basement', '10 ground', '10a ground']);
    expect(res.body.items[0]).toMatchObject({ street: 'Marktstraße', current: { status: 'occupied' } });
    expect(res.body.more).toBe(false);
    const none = await editor.get(`/api/cities/${city.id}/walk/units?street=Nirgendwo`).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('gives the first 500 units of a longer street and says that there are more', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const units = async (count: number, street: string) =>
      t.db.query(
        `WITH s AS (
           INSERT INTO storefronts (city_id, street, house_number, location)
           SELECT $1, $3, i::text, ST_SetSRID(ST_MakePoint(10.7 + i * 0.000005, 50.95), 4326)
           FROM generate_series(1, $2::int) i RETURNING id)
         INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from)
         SELECT id, $1, 'vacant', '2020-01-01' FROM s`,
        [city.id, count, street],
      );
    await units(501, 'Lange Straße');
    await units(500, 'Kurze Straße');
    const long = await editor.get(`/api/cities/${city.id}/walk/units?street=Lange%20Stra%C3%9Fe`).expect(200);
    expect(long.body.items).toHaveLength(500);
    expect(long.body.items.at(-1).houseNumber).toBe('500');
    expect(long.body.more).toBe(true);
    const short = await editor
      .get(`/api/cities/${city.id}/walk/units?street=Kurze%20Stra%C3%9Fe`)
      .expect(200);
    expect(short.body.items).toHaveLength(500);
    expect(short.body.more).toBe(false);
  });

  it('is for the town’s editors; a missing street is a clear 400', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const other = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const missing = await editor.get(`/api/cities/${city.id}/walk/units`).expect(400);
    expect(missing.body.details.fields).toEqual([expect.objectContaining({ field: 'street' })]);
    await editor.get(`/api/cities/${city.id}/walk/units?street=%20%20`).expect(400);
    await editor.get(`/api/cities/${city.id}/walk/units?street=A&due=vielleicht`).expect(400);
    await (await editorOf(t, other.id)).get(`/api/cities/${city.id}/walk`).expect(403);
    await (
      await signedIn(t, [{ role: 'viewer', cityId: city.id }])
    )
      .get(`/api/cities/${city.id}/walk`)
      .expect(403);
    await request(t.http).get(`/api/cities/${city.id}/walk`).expect(401);
    await (await signedIn(t, [], true)).get('/api/cities/keine-solche-stadt/walk').expect(404);
  });
});
