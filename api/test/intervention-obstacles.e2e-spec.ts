import { createTestApp, type TestApp } from './app.js';
import { grant, signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';

/**
 * What stood in an intervention's way (`obstacles`, docs/kpis.md "Obstacles"): recorded from a fixed
 * list, searched by, and counted per type in the knowledge base's summary. The counts are worked out
 * by hand from the interventions each test records.
 */
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

const shop = (x: object = {}) => ({
  cityId: city.id,
  type: 'test_shop',
  title: 'Testladen',
  state: 'ended',
  startDate: '2024-03-01',
  endDate: '2024-08-31',
  ...x,
});

const count = async (): Promise<number> =>
  (
    await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM interventions WHERE city_id = $1`, [
      city.id,
    ])
  )[0]!.n;

describe('intervention obstacles', () => {
  it('stores each obstacle once, in the list order, and keeps them until changed', async () => {
    const created = await api
      .post('/api/interventions')
      .send(shop({ obstacles: ['footfall', 'rent_level', 'footfall'] }))
      .expect(201);
    expect(created.body.obstacles).toEqual(['rent_level', 'footfall']);
    const id = created.body.id as string;

    // a change of something else leaves them alone
    const budget = await api
      .patch(`/api/interventions/${id}`)
      .send({ version: 1, budgetEur: 900 })
      .expect(200);
    expect(budget.body.obstacles).toEqual(['rent_level', 'footfall']);

    const changed = await api
      .patch(`/api/interventions/${id}`)
      .send({ version: 2, obstacles: ['permits', 'owner'] })
      .expect(200);
    expect(changed.body.obstacles).toEqual(['owner', 'permits']);
    expect((await api.get(`/api/interventions/${id}`).expect(200)).body.obstacles).toEqual([
      'owner',
      'permits',
    ]);

    const cleared = await api
      .patch(`/api/interventions/${id}`)
      .send({ version: 3, obstacles: [] })
      .expect(200);
    expect(cleared.body.obstacles).toEqual([]);
  });

  it('has none when none are given', async () => {
    const created = await api.post('/api/interventions').send(shop()).expect(201);
    expect(created.body.obstacles).toEqual([]);
  });

  it.each([
    ['an obstacle not on the list', { obstacles: ['weather'] }],
    ['a single code instead of a list', { obstacles: 'footfall' }],
    ['null', { obstacles: null }],
    ['a number in the list', { obstacles: [3] }],
  ])('refuses %s with 400 naming the field, and records nothing', async (_, body) => {
    const before = await count();
    const res = await api.post('/api/interventions').send(shop(body)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toEqual(['obstacles']);
    expect(await count()).toBe(before);
  });

  it('refuses an unknown obstacle on update and keeps the recorded ones', async () => {
    const created = await api
      .post('/api/interventions')
      .send(shop({ obstacles: ['owner'] }))
      .expect(201);
    await api
      .patch(`/api/interventions/${created.body.id}`)
      .send({ version: 1, obstacles: ['owner', 'bad_luck'] })
      .expect(400);
    const stored = (await api.get(`/api/interventions/${created.body.id}`).expect(200)).body;
    expect(stored).toMatchObject({ obstacles: ['owner'], version: 1 });
  });

  it('the database itself refuses a code not on the list', async () => {
    const created = await api.post('/api/interventions').send(shop()).expect(201);
    await expect(
      t.db.query(`UPDATE interventions SET obstacles = ARRAY['weather'] WHERE id = $1`, [created.body.id]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'interventions_obstacles_known' });
  });

  it('finds the interventions naming any of the obstacles asked for', async () => {
    const rent = await api
      .post('/api/interventions')
      .send(shop({ title: 'Miete', obstacles: ['rent_level', 'footfall'] }))
      .expect(201);
    const owner = await api
      .post('/api/interventions')
      .send(shop({ title: 'Eigentümer', obstacles: ['owner'] }))
      .expect(201);
    await api
      .post('/api/interventions')
      .send(shop({ title: 'Ohne' }))
      .expect(201);
    const ids = async (query: string): Promise<string[]> =>
      (
        (await api.get(`/api/interventions?cityId=${city.id}&${query}`).expect(200)).body.items as {
          id: string;
        }[]
      )
        .map((i) => i.id)
        .sort();
    expect(await ids('obstacle=footfall')).toEqual([rent.body.id]);
    expect(await ids('obstacle=owner,footfall')).toEqual([rent.body.id, owner.body.id].sort());
    expect(await ids('obstacle=permits')).toEqual([]);
    const bad = await api.get(`/api/interventions?cityId=${city.id}&obstacle=weather`).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('counts per type how many tried ones name each obstacle, most often first, on the date asked', async () => {
    const add = (x: object) => api.post('/api/interventions').send(shop(x)).expect(201);
    await add({ obstacles: ['rent_level', 'footfall'] }); // ended, tried since 2024-03-01
    await add({ state: 'running', startDate: '2025-02-01', endDate: null, obstacles: ['footfall'] });
    await add({ startDate: '2024-05-01', obstacles: ['permits', 'owner'] });
    await add({ startDate: '2024-05-01' }); // tried, nothing recorded
    await add({ state: 'planned', startDate: null, endDate: null, obstacles: ['owner'] }); // not tried
    await add({ type: 'pop_up', startDate: '2024-05-01', endDate: '2024-06-30' });
    const byType = async (asOf: string) =>
      new Map(
        (
          (await api.get(`/api/kpis/interventions-by-type?cityId=${city.id}&asOf=${asOf}`).expect(200)).body
            .types as { type: string; tried: number; withObstacles: number; obstacles: unknown[] }[]
        ).map((r) => [r.type, r]),
      );

    // 2025-06-30: four test shops tried, three name obstacles; footfall twice, ties in the list's order
    const june = await byType('2025-06-30');
    expect(june.get('test_shop')).toMatchObject({
      tried: 4,
      withObstacles: 3,
      obstacles: [
        { obstacle: 'footfall', count: 2 },
        { obstacle: 'rent_level', count: 1 },
        { obstacle: 'owner', count: 1 },
        { obstacle: 'permits', count: 1 },
      ],
    });
    expect(june.get('pop_up')).toMatchObject({ tried: 1, withObstacles: 0, obstacles: [] });
    expect(june.get('event')).toMatchObject({ tried: 0, withObstacles: 0, obstacles: [] });

    // 2024-04-01: only the first had started
    expect((await byType('2024-04-01')).get('test_shop')).toMatchObject({
      tried: 1,
      withObstacles: 1,
      obstacles: [
        { obstacle: 'rent_level', count: 1 },
        { obstacle: 'footfall', count: 1 },
      ],
    });
  });
});
