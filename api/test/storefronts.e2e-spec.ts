import { createTestApp, type TestApp } from './app.js';
import { grant, signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';

let t: TestApp;
let api: Agent;
let city: TestCity;

beforeAll(async () => {
  t = await createTestApp();
  api = await signedIn(t, []);
});
afterAll(() => t.close());
beforeEach(async () => {
  city = await createCity(t.db);
  await grant(t, api, { role: 'city_editor', cityId: city.id });
});

const create = async (overrides = {}) => {
  const res = await api.post('/api/storefronts').send(storefrontBody(city, overrides)).expect(201);
  return res.body as { id: string; version: number; current: { status: string } | null };
};

describe('storefronts', () => {
  it('sorts house numbers by their number, however long (a 20-digit number does not break the list)', async () => {
    for (const houseNumber of ['12345678901234567890', '10', '9a', '9', 'ohne']) {
      await create({ street: 'Lange Gasse', houseNumber });
    }
    const res = await api.get(`/api/storefronts?cityId=${city.id}&sort=street`).expect(200);
    expect(res.body.items.map((s: { houseNumber: string }) => s.houseNumber)).toEqual([
      '9',
      '9a',
      '10',
      '12345678901234567890',
      'ohne',
    ]);
  });

  it('creates a unit with its first period and reads it back', async () => {
    const created = await create();
    const res = await api.get(`/api/storefronts/${created.id}`).expect(200);
    expect(res.body).toMatchObject({
      cityId: city.id,
      street: 'Marktstraße',
      floorAreaM2: 80,
      floor: 'ground',
      insidePerimeter: true,
      version: 1,
      current: {
        status: 'occupied',
        useCategory: 'retail_daily',
        validFrom: '2020-01-01',
        statusSince: '2020-01-01',
      },
    });
    expect(res.body.location.type).toBe('Point');
    expect(res.body.location.coordinates[0]).toBeCloseTo(city.centre[0] + 0.001, 7);
    expect(res.body.location.coordinates[1]).toBeCloseTo(city.centre[1] + 0.001, 7);
    const history = await api.get(`/api/storefronts/${created.id}/occupancy`).expect(200);
    expect(history.body).toHaveLength(1);
  });

  it('gives new units and their periods time-ordered ids (UUID version 7: creation time first)', async () => {
    const before = Date.now();
    const first = await create();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await create();
    const after = Date.now();
    const periods = await t.db.query<{ id: string }[]>(
      `SELECT id::text FROM occupancy_periods WHERE storefront_id = ANY($1::uuid[]) ORDER BY valid_from, id`,
      [[first.id, second.id]],
    );
    const millis = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    for (const id of [first.id, second.id, ...periods.map((p) => p.id)]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(millis(id)).toBeGreaterThanOrEqual(before - 1000); // the database's clock, not Node's
      expect(millis(id)).toBeLessThanOrEqual(after + 1000);
    }
    expect(millis(second.id)).toBeGreaterThan(millis(first.id));
  });

  it('warns when the unit lies outside the downtown perimeter but inside the town', async () => {
    const res = await api
      .post('/api/storefronts')
      .send(
        storefrontBody(city, {
          location: { type: 'Point', coordinates: [city.centre[0] + 0.02, city.centre[1]] },
        }),
      )
      .expect(201);
    expect(res.body.insidePerimeter).toBe(false);
    expect(res.body.warnings).toHaveLength(1);
  });

  it('rejects a location outside the municipal boundary and writes nothing', async () => {
    const res = await api
      .post('/api/storefronts')
      .send(
        storefrontBody(city, {
          location: { type: 'Point', coordinates: [city.centre[0] + 1, city.centre[1]] },
        }),
      )
      .expect(422);
    expect(res.body.code).toBe('OUTSIDE_TOWN');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM storefronts WHERE city_id = $1`, [
      city.id,
    ]);
    expect(n).toBe(0);
  });

  it.each([
    ['an unknown field', { colour: 'red' }],
    ['coordinates out of range', { location: { type: 'Point', coordinates: [200, 51] } }],
    ['latitude first is out of range', { location: { type: 'Point', coordinates: [10, 95] } }],
    ['a wrong status', { initialStatus: { date: '2020-01-01', status: 'closed' } }],
    ['an impossible date', { initialStatus: { date: '2023-02-29', status: 'vacant' } }],
    ['a negative floor area', { floorAreaM2: -5 }],
    ['a string for a number', { floorAreaM2: '80' }],
    ['no street', { street: undefined }],
    ['no position', { location: undefined }],
  ])('rejects %s with 400 and the field named', async (_, overrides) => {
    const res = await api.post('/api/storefronts').send(storefrontBody(city, overrides)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Array.isArray(res.body.details.fields)).toBe(true);
  });

  it.each([
    ['a blank street', { street: '   ' }, 'street'],
    ['a street of no-break and em spaces', { street: '\u00a0\u2003' }, 'street'],
    ['a blank reference id', { referenceId: '  ' }, 'referenceId'],
    [
      'a blank business name',
      { initialStatus: { date: '2020-01-01', status: 'occupied', businessName: '   ' } },
      'initialStatus.businessName',
    ],
  ])(
    'refuses a new unit with %s: 400 naming the field (not a 422 naming a constraint)',
    async (_, overrides, field) => {
      const res = await api.post('/api/storefronts').send(storefrontBody(city, overrides)).expect(400);
      expect(res.body.details.fields as { field: string; rules: { rule: string }[] }[]).toEqual([
        expect.objectContaining({ field, rules: [{ rule: 'isNotEmpty' }] }),
      ]);
    },
  );

  it('stores a street without the spaces around it, no-break spaces too', async () => {
    const created = await create({ street: '\u00a0 Steinweg\u3000' });
    expect((created as unknown as { street: string }).street).toBe('Steinweg');
  });

  it.each([
    ['no house number (null)', { houseNumber: null }, 'houseNumber'],
    ['no floor (null)', { floor: null }, 'floor'],
    ['no street (null)', { street: null }, 'street'],
    ['a blank street', { street: '   ' }, 'street'],
    ['a reference id of a no-break space', { referenceId: '\u00a0' }, 'referenceId'],
    ['no position (null)', { location: null }, 'location'],
  ])('refuses a change to %s with 400 naming the field, and keeps the unit', async (_, change, field) => {
    const created = await create();
    const res = await api
      .patch(`/api/storefronts/${created.id}`)
      .send({ version: created.version, ...change })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect((await api.get(`/api/storefronts/${created.id}`).expect(200)).body.version).toBe(created.version);
  });

  it('rejects a use category for a vacant unit with 422', async () => {
    const res = await api
      .post('/api/storefronts')
      .send(
        storefrontBody(city, {
          initialStatus: { date: '2020-01-01', status: 'vacant', useCategory: 'health' },
        }),
      )
      .expect(422);
    expect(res.body.code).toBe('INVALID_PERIOD');
  });

  it('keeps reference ids unique per town (409)', async () => {
    await create({ referenceId: 'X-1' });
    const res = await api
      .post('/api/storefronts')
      .send({ ...storefrontBody(city), referenceId: 'X-1' })
      .expect(409);
    expect(res.body.code).toBe('DUPLICATE');
  });

  it('updates with the current version and answers 409 with the current state on a stale one', async () => {
    const created = await create();
    const ok = await api
      .patch(`/api/storefronts/${created.id}`)
      .send({ version: 1, floorAreaM2: 95.5 })
      .expect(200);
    expect(ok.body).toMatchObject({ floorAreaM2: 95.5, version: 2 });
    const stale = await api
      .patch(`/api/storefronts/${created.id}`)
      .send({ version: 1, notes: 'mine' })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.details.current).toMatchObject({ floorAreaM2: 95.5, version: 2 });
    const after = await api.get(`/api/storefronts/${created.id}`).expect(200);
    expect(after.body.notes).toBeNull();
  });

  it('marks a unit verified on site', async () => {
    const created = await create();
    const res = await api.post(`/api/storefronts/${created.id}/verify`).send({ version: 1 }).expect(200);
    expect(Date.now() - new Date(res.body.verifiedAt as string).getTime()).toBeLessThan(60_000);
  });

  it('keeps every on-site visit, newest first', async () => {
    const created = await create();
    await t.db.query(`UPDATE storefronts SET verified_at = '2024-03-01T09:00:00Z' WHERE id = $1`, [
      created.id,
    ]);
    await api.post(`/api/storefronts/${created.id}/verify`).send({ version: 1 }).expect(200);
    const res = await api.get(`/api/storefronts/${created.id}/verifications`).expect(200);
    expect(res.body.storefrontId).toBe(created.id);
    expect(res.body.visits).toHaveLength(2);
    expect(res.body.visits[1]).toBe('2024-03-01T09:00:00.000Z');
    expect(res.body.visits[0]).toBe(
      (await api.get(`/api/storefronts/${created.id}`).expect(200)).body.verifiedAt,
    );
    await api.get('/api/storefronts/00000000-0000-4000-8000-000000000000/verifications').expect(404);
  });

  it('deletes with the current version, then answers 404', async () => {
    const created = await create();
    await api.delete(`/api/storefronts/${created.id}?version=2`).expect(409);
    await api.delete(`/api/storefronts/${created.id}?version=1`).expect(204);
    const res = await api.get(`/api/storefronts/${created.id}`).expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: { id: created.id } });
  });

  it('takes a save that changes nothing as no change: same version, no audit row', async () => {
    const created = await create({ street: 'Marktstraße', houseNumber: '3' });
    const audited = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [created.id]))[0]
        .n as number;
    const rows = await audited();
    const periods = (await api.get(`/api/storefronts/${created.id}/occupancy`).expect(200)).body as {
      id: string;
    }[];
    for (const [path, body] of [
      [`/api/storefronts/${created.id}`, { version: 1 }],
      [`/api/storefronts/${created.id}`, { version: 1, street: 'Marktstraße', houseNumber: '3' }],
      [`/api/storefronts/${created.id}/occupancy/${periods[0]!.id}`, { version: 1 }],
    ] as const) {
      await api.patch(path).send(body).expect(200);
    }
    expect((await api.get(`/api/storefronts/${created.id}`).expect(200)).body.version).toBe(1);
    expect(await audited()).toBe(rows);

    // a real change still counts once
    const changed = await api
      .patch(`/api/storefronts/${created.id}`)
      .send({ version: 1, street: 'Marktstraße', houseNumber: '3a' })
      .expect(200);
    expect(changed.body.version).toBe(2);
    expect(await audited()).toBe(rows + 1);
  });

  it('keeps a unit of an intervention until it is taken out of it, and says which', async () => {
    const created = await create();
    const shop = await api
      .post('/api/interventions')
      .send({
        cityId: city.id,
        type: 'pop_up',
        title: 'Sommer-Pop-up',
        state: 'planned',
        storefrontIds: [created.id],
      })
      .expect(201);
    const refused = await api.delete(`/api/storefronts/${created.id}?version=1`).expect(422);
    expect(refused.body).toMatchObject({
      code: 'CONSTRAINT_VIOLATED',
      details: { reason: 'in_intervention', interventions: [{ id: shop.body.id, title: 'Sommer-Pop-up' }] },
    });
    expect(refused.body.message).toContain('„Sommer-Pop-up“');
    await api.get(`/api/storefronts/${created.id}`).expect(200);
    expect((await api.get(`/api/interventions/${shop.body.id}`).expect(200)).body.storefrontIds).toEqual([
      created.id,
    ]);

    await api
      .patch(`/api/interventions/${shop.body.id}`)
      .send({ version: shop.body.version, storefrontIds: [] })
      .expect(200);
    await api.delete(`/api/storefronts/${created.id}?version=1`).expect(204);
  });

  it('answers 404 for a malformed id rather than 500', async () => {
    const res = await api.get('/api/storefronts/not-a-uuid').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('storefront list filters', () => {
  let ids: Record<string, string>;
  beforeEach(async () => {
    const [lon, lat] = city.centre;
    const mk = async (name: string, coordinates: [number, number], status: object) =>
      [
        name,
        (await create({ street: name, location: { type: 'Point', coordinates }, initialStatus: status })).id,
      ] as const;
    ids = Object.fromEntries(
      await Promise.all([
        mk('Amtsgasse', [lon + 0.001, lat], { date: '2019-01-01', status: 'vacant' }),
        mk('Brückenstraße', [lon - 0.001, lat], { date: '2025-06-01', status: 'vacant' }),
        mk('Color', [lon, lat + 0.001], {
          date: '2019-01-01',
          status: 'occupied',
          useCategory: 'food_drink',
        }),
        mk('Domplatz', [lon + 0.03, lat], {
          date: '2019-01-01',
          status: 'occupied',
          useCategory: 'services',
        }),
      ]),
    );
  });

  const list = async (query: string) => {
    const res = await api.get(`/api/storefronts?cityId=${city.id}&${query}`).expect(200);
    return (res.body.items as { street: string }[]).map((s) => s.street);
  };

  it('filters by status as of a date', async () => {
    expect(await list('status=vacant&asOf=2026-01-01')).toEqual(['Amtsgasse', 'Brückenstraße']);
    expect(await list('status=vacant&asOf=2024-01-01')).toEqual(['Amtsgasse']);
    expect(await list('asOf=2018-06-01')).toEqual([]);
  });

  it('filters long vacancies', async () => {
    expect(await list('vacantForMonths=12&asOf=2026-01-01')).toEqual(['Amtsgasse']);
  });

  it('filters by use category, perimeter and bounding box', async () => {
    expect(await list('useCategory=food_drink,services')).toEqual(['Color', 'Domplatz']);
    expect(await list('withinPerimeter=true')).toEqual(['Amtsgasse', 'Brückenstraße', 'Color']);
    const [lon, lat] = city.centre;
    expect(await list(`bbox=${lon + 0.0005},${lat - 0.01},${lon + 0.05},${lat + 0.0005}`)).toEqual([
      'Amtsgasse',
      'Domplatz',
    ]);
  });

  it('sorts and pages', async () => {
    const res = await api
      .get(`/api/storefronts?cityId=${city.id}&sort=-street&page=2&pageSize=3`)
      .expect(200);
    expect(res.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(res.body.items.map((s: { street: string }) => s.street)).toEqual(['Amtsgasse']);
  });

  it('sorts by the current use, units without one last (the list column „Nutzung“)', async () => {
    // by code: food_drink < services; the vacant units have none and come last either way (ties by id)
    const ascending = await list('sort=useCategory');
    expect(ascending.slice(0, 2)).toEqual(['Color', 'Domplatz']);
    expect(ascending.slice(2).sort()).toEqual(['Amtsgasse', 'Brückenstraße']);
    const descending = await list('sort=-useCategory');
    expect(descending.slice(0, 2)).toEqual(['Domplatz', 'Color']);
    expect(descending.slice(2).sort()).toEqual(['Amtsgasse', 'Brückenstraße']);
  });

  it('counts by status with the same filters', async () => {
    const res = await api.get(`/api/storefronts/summary?cityId=${city.id}&asOf=2026-01-01`).expect(200);
    expect(res.body).toEqual({ asOf: '2026-01-01', total: 4, byStatus: { vacant: 2, occupied: 2 } });
    expect(ids.Amtsgasse).toBeDefined();
  });

  it.each([
    'bbox=1,2,3',
    'bbox=10,51,9,52',
    'vacantForMonths=-1',
    'pageSize=1000',
    'sort=password',
    'asOf=2026-13-01',
    'cityId=x',
  ])('rejects %s with 400', async (query) => {
    const res = await api.get(`/api/storefronts?${query}`).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('long vacancy at month ends', () => {
  it('counts a vacancy from 29 Feb 2024 as 12 months long on 28 Feb 2025, as the KPI does', async () => {
    await api
      .post('/api/storefronts')
      .send(
        storefrontBody(city, {
          street: 'Schaltjahrgasse',
          initialStatus: { date: '2024-02-29', status: 'vacant' },
        }),
      )
      .expect(201);
    const on = async (asOf: string) =>
      (await api.get(`/api/storefronts?cityId=${city.id}&vacantForMonths=12&asOf=${asOf}`).expect(200)).body
        .total;
    expect(await on('2025-02-27')).toBe(0);
    expect(await on('2025-02-28')).toBe(1);
  });
});
