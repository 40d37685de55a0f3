import { createTestApp, type TestApp } from './app.js';
import { grant, signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';

let t: TestApp;
let api: Agent;
let city: TestCity;
let storefrontId: string;

beforeAll(async () => {
  t = await createTestApp();
  api = await signedIn(t, []);
});
afterAll(() => t.close());
beforeEach(async () => {
  city = await createCity(t.db);
  await grant(t, api, { role: 'city_editor', cityId: city.id });
  storefrontId = (await api.post('/api/storefronts').send(storefrontBody(city)).expect(201)).body.id;
});

const testShop = () => ({
  cityId: city.id,
  type: 'test_shop',
  title: 'Testladen Kohorte 1',
  state: 'ended',
  startDate: '2023-03-01',
  endDate: '2023-08-31',
  budgetEur: 12500,
  fundingSource: 'Sofortprogramm Innenstadt',
  lessonsLearned: 'Die Laufkundschaft kam erst nach längeren Öffnungszeiten am Samstag.',
  storefrontIds: [storefrontId],
});

describe('interventions', () => {
  it('names the units it used by address, ordered by street and number, without their business names', async () => {
    const upper = await api
      .post('/api/storefronts')
      .send(storefrontBody(city, { street: 'Steinweg', houseNumber: '2', floor: 'upper' }))
      .expect(201);
    const market = await api
      .post('/api/storefronts')
      .send(storefrontBody(city, { street: 'Steinweg', houseNumber: '10' }))
      .expect(201);
    const created = await api
      .post('/api/interventions')
      .send({
        ...testShop(),
        title: 'Pop-up-Store „Adventszauber“ 2025',
        storefrontIds: [market.body.id, upper.body.id],
      })
      .expect(201);
    const unit = (body: { id: string; street: string; houseNumber: string; floor: string }) => ({
      id: body.id,
      street: body.street,
      houseNumber: body.houseNumber,
      floor: body.floor,
    });
    const expected = [unit(upper.body), unit(market.body)]; // 2 before 10
    expect(created.body.units).toEqual(expected);
    const listed = await api.get(`/api/interventions?cityId=${city.id}`).expect(200);
    expect(listed.body.items[0].units).toEqual(expected);
    // the report reads the list: an address, never the business name of the unit (storefrontBody has one)
    expect(JSON.stringify(listed.body)).not.toContain('Bäckerei Korn');
  });

  it('records an intervention on a unit with its outcome checks', async () => {
    const created = await api.post('/api/interventions').send(testShop()).expect(201);
    expect(created.body).toMatchObject({
      type: 'test_shop',
      budgetEur: 12500,
      storefrontIds: [storefrontId],
      version: 1,
    });
    const checked = await api
      .put(`/api/interventions/${created.body.id}/outcome-checks/12`)
      .send({ version: 1, checkedOn: '2024-09-01', regularLeaseSigned: true, businessStillTrading: true })
      .expect(200);
    // A colleague who saw version 1 too is told, instead of overwriting the check.
    const late = await api
      .put(`/api/interventions/${created.body.id}/outcome-checks/12`)
      .send({ version: 1, checkedOn: '2024-09-02', regularLeaseSigned: false })
      .expect(409);
    expect(late.body.code).toBe('VERSION_CONFLICT');
    expect(checked.body.outcomeChecks).toEqual([
      {
        monthsAfterEnd: 12,
        checkedOn: '2024-09-01',
        regularLeaseSigned: true,
        businessStillTrading: true,
        note: null,
      },
    ]);
    const onUnit = await api.get(`/api/interventions?storefrontId=${storefrontId}`).expect(200);
    expect(onUnit.body.total).toBe(1);
    const unit = await api.get(`/api/storefronts/${storefrontId}`).expect(200);
    expect(unit.body.interventionCount).toBe(1);
  });

  it('counts all matches also on a page past the end', async () => {
    await api.post('/api/interventions').send(testShop()).expect(201);
    const first = await api.get(`/api/interventions?cityId=${city.id}&pageSize=1`).expect(200);
    expect(first.body.total).toBeGreaterThan(0);
    const beyond = await api.get(`/api/interventions?cityId=${city.id}&pageSize=1&page=9999`).expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: first.body.total });
  });

  it('finds an intervention by a word from its lessons learned (German stemming)', async () => {
    const created = await api.post('/api/interventions').send(testShop()).expect(201);
    const res = await api.get(`/api/interventions?cityId=${city.id}&q=Öffnungszeit`).expect(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const none = await api.get(`/api/interventions?cityId=${city.id}&q=Parkhaus`).expect(200);
    expect(none.body.total).toBe(0);
  });

  it.each([
    ['an end before the start', { startDate: '2023-09-01' }, 'end_before_start'],
    ['an ended intervention without end', { endDate: null }, 'needs_end_date'],
    ['a running one without start', { state: 'running', startDate: null, endDate: null }, 'needs_start_date'],
  ])('refuses %s with 422', async (_, overrides, reason) => {
    const res = await api
      .post('/api/interventions')
      .send({ ...testShop(), ...overrides })
      .expect(422);
    expect(res.body.code).toBe('INVALID_PERIOD');
    expect(res.body.details).toEqual({ reason });
  });

  it('refuses a storefront of another town and writes nothing', async () => {
    const other = await createCity(t.db, [11.2, 51.1]);
    await grant(t, api, { role: 'city_editor', cityId: other.id });
    const foreign = (await api.post('/api/storefronts').send(storefrontBody(other)).expect(201)).body.id;
    const res = await api
      .post('/api/interventions')
      .send({ ...testShop(), storefrontIds: [foreign] })
      .expect(422);
    expect(res.body.details.storefrontIds).toEqual([foreign]);
    expect((await api.get(`/api/interventions?cityId=${city.id}`)).body.total).toBe(0);
  });

  it('links a unit named twice, once in capitals, once', async () => {
    const res = await api
      .post('/api/interventions')
      .send({ ...testShop(), storefrontIds: [storefrontId, storefrontId.toUpperCase()] })
      .expect(201);
    expect(res.body.storefrontIds).toEqual([storefrontId]);
  });

  it('dates an outcome check from a month before it is due, and never after today', async () => {
    const ended = await api.post('/api/interventions').send(testShop()).expect(201); // ended 2023-08-31
    const early = await api
      .put(`/api/interventions/${ended.body.id}/outcome-checks/12`)
      .send({ version: 1, checkedOn: '2024-07-30', regularLeaseSigned: true })
      .expect(422);
    expect(early.body).toMatchObject({
      code: 'INVALID_PERIOD',
      details: { reason: 'check_before_due', validFrom: '2024-07-31' },
    });
    const future = await api
      .put(`/api/interventions/${ended.body.id}/outcome-checks/24`)
      .send({ version: 1, checkedOn: '2099-01-01' })
      .expect(400);
    expect(future.body.details.fields[0]).toMatchObject({
      field: 'checkedOn',
      rules: [{ rule: 'notAfterToday' }],
    });
    // a check without a date counts as made today: not before it is due either
    const thisYear = new Date().getFullYear();
    const recent = await api
      .post('/api/interventions')
      .send({ ...testShop(), startDate: `${thisYear - 1}-01-01`, endDate: `${thisYear - 1}-12-31` })
      .expect(201);
    const undated = await api
      .put(`/api/interventions/${recent.body.id}/outcome-checks/24`)
      .send({ version: 1, regularLeaseSigned: true })
      .expect(422);
    expect(undated.body.details.reason).toBe('check_before_due');
    const onTime = await api
      .put(`/api/interventions/${ended.body.id}/outcome-checks/12`)
      .send({ version: 1, checkedOn: '2024-07-31', regularLeaseSigned: true })
      .expect(200);
    expect(onTime.body.outcomeChecks).toEqual([
      expect.objectContaining({ monthsAfterEnd: 12, checkedOn: '2024-07-31' }),
    ]);
  });

  it('refuses outcome checks before the end and at other intervals', async () => {
    const planned = await api
      .post('/api/interventions')
      .send({ ...testShop(), state: 'planned', startDate: null, endDate: null })
      .expect(201);
    await api
      .put(`/api/interventions/${planned.body.id}/outcome-checks/12`)
      .send({ version: 1, regularLeaseSigned: true })
      .expect(422);
    await api.put(`/api/interventions/${planned.body.id}/outcome-checks/7`).send({ version: 1 }).expect(400);
    await api.put(`/api/interventions/${planned.body.id}/outcome-checks/12`).send({}).expect(400);
  });

  it.each([
    ['state', { state: null }],
    ['type', { type: null }],
    ['title', { title: '  ' }],
  ])('refuses an empty %s with 400 naming the field', async (field, change) => {
    const created = await api.post('/api/interventions').send(testShop()).expect(201);
    const res = await api
      .patch(`/api/interventions/${created.body.id}`)
      .send({ version: 1, ...change })
      .expect(400);
    expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
  });

  it.each([['type'], ['title']])('refuses a new intervention without %s with 400', async (field) => {
    const body: Record<string, unknown> = { ...testShop() };
    delete body[field];
    const res = await api.post('/api/interventions').send(body).expect(400);
    expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
  });

  it.each([
    ['blanks', '   '],
    ['no-break and ideographic spaces', '\u00a0\u3000'],
  ])(
    'refuses a new intervention titled with %s with 400 naming the title; stores titles trimmed',
    async (_, title) => {
      const res = await api
        .post('/api/interventions')
        .send({ ...testShop(), title })
        .expect(400);
      expect(res.body.details.fields).toEqual([
        expect.objectContaining({ field: 'title', rules: [{ rule: 'isNotEmpty' }] }),
      ]);
      const created = await api
        .post('/api/interventions')
        .send({ ...testShop(), title: `${title}Pop-up Marktstraße${title}` })
        .expect(201);
      expect(created.body.title).toBe('Pop-up Marktstraße');
    },
  );

  it('updates with optimistic locking', async () => {
    const created = await api.post('/api/interventions').send(testShop()).expect(201);
    await api
      .patch(`/api/interventions/${created.body.id}`)
      .send({ version: 1, budgetEur: 14000 })
      .expect(200);
    const res = await api
      .patch(`/api/interventions/${created.body.id}`)
      .send({ version: 1, title: 'x' })
      .expect(409);
    expect(res.body.details.current.budgetEur).toBe(14000);
  });

  it('a change that changes nothing writes nothing: same version, no entry in the history', async () => {
    const created = await api.post('/api/interventions').send(testShop()).expect(201);
    const id = created.body.id as string;
    const audits = async (): Promise<number> =>
      (
        await t.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'intervention' AND entity_id = $1`,
          [id],
        )
      )[0]!.n;
    expect(await audits()).toBe(1); // the creation
    const same = [
      { version: 1 },
      { version: 1, title: testShop().title, budgetEur: 12500, endDate: '2023-08-31' },
      { version: 1, storefrontIds: [storefrontId.toUpperCase()] }, // the same unit, in capitals
      { version: 1, obstacles: [] },
    ];
    for (const body of same) {
      const res = await api.patch(`/api/interventions/${id}`).send(body).expect(200);
      expect([body, res.body.version]).toEqual([body, 1]);
    }
    expect(await audits()).toBe(1);
    // a stale version is still refused, even for no change
    await api.patch(`/api/interventions/${id}`).send({ version: 1, budgetEur: 13000 }).expect(200);
    await api.patch(`/api/interventions/${id}`).send({ version: 1 }).expect(409);
    // a real change of the units alone moves the version once and is recorded
    const other = (await api.post('/api/storefronts').send(storefrontBody(city)).expect(201)).body
      .id as string;
    const moved = await api
      .patch(`/api/interventions/${id}`)
      .send({ version: 2, storefrontIds: [storefrontId, other] })
      .expect(200);
    expect(moved.body.version).toBe(3);
    // units and a field together: one version step
    const both = await api
      .patch(`/api/interventions/${id}`)
      .send({ version: 3, storefrontIds: [other], title: 'Testladen Kohorte 2' })
      .expect(200);
    expect(both.body).toMatchObject({ version: 4, storefrontIds: [other], title: 'Testladen Kohorte 2' });
    expect(await audits()).toBe(4);
  });
});
