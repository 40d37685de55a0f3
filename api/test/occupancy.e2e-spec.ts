import { createTestApp, type TestApp } from './app.js';
import { grant, signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';

let t: TestApp;
let api: Agent;
let city: TestCity;
let id: string;

beforeAll(async () => {
  t = await createTestApp();
  api = await signedIn(t, []);
  city = await createCity(t.db);
  await grant(t, api, { role: 'city_editor', cityId: city.id });
});
afterAll(() => t.close());
beforeEach(async () => {
  const res = await api.post('/api/storefronts').send(storefrontBody(city)).expect(201);
  id = res.body.id;
});

const periods = async () =>
  (
    (await api.get(`/api/storefronts/${id}/occupancy`).expect(200)).body as {
      id: string;
      status: string;
      validFrom: string;
      validTo: string | null;
    }[]
  ).map((p) => [p.status, p.validFrom, p.validTo]);

describe('status changes', () => {
  it('closes the current period and opens the next in one step', async () => {
    const res = await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 1, date: '2024-04-01', status: 'vacant' })
      .expect(201);
    expect(res.body.storefront).toMatchObject({
      version: 2,
      current: { status: 'vacant', statusSince: '2024-04-01' },
    });
    expect(await periods()).toEqual([
      ['occupied', '2020-01-01', '2024-04-01'],
      ['vacant', '2024-04-01', null],
    ]);
  });

  it('answers 409 on a stale version and changes nothing', async () => {
    await api.patch(`/api/storefronts/${id}`).send({ version: 1, notes: 'other editor' }).expect(200);
    const res = await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 1, date: '2024-04-01', status: 'vacant' })
      .expect(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    expect(res.body.details.current.notes).toBe('other editor');
    expect(await periods()).toEqual([['occupied', '2020-01-01', null]]);
  });

  it('refuses a change dated before the current status with 422', async () => {
    const res = await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 1, date: '2019-12-31', status: 'vacant' })
      .expect(422);
    expect(res.body.code).toBe('INVALID_PERIOD');
    // the dashboard explains it by reason, with the date the current status began
    expect(res.body.details).toEqual({ reason: 'change_before_current', currentSince: '2020-01-01' });
  });

  it('refuses a date after today (a typo in the year would hide the unit until then) and changes nothing', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    const res = await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 1, date: tomorrow, status: 'vacant' })
      .expect(400);
    expect(res.body.details.fields).toEqual([
      { field: 'date', problems: ['date must not be after today'], rules: [{ rule: 'notAfterToday' }] },
    ]);
    expect(await periods()).toEqual([['occupied', '2020-01-01', null]]);
    const created = await api
      .post('/api/storefronts')
      .send(storefrontBody(city, { initialStatus: { date: '2062-01-01', status: 'vacant' } }))
      .expect(400);
    expect(created.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'initialStatus.date',
    ]);
  });

  it('refuses a change that changes nothing', async () => {
    const res = await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({
        version: 1,
        date: '2024-01-01',
        status: 'occupied',
        useCategory: 'retail_daily',
        businessName: 'Bäckerei Korn',
      })
      .expect(422);
    expect(res.body.code).toBe('INVALID_PERIOD');
    expect(res.body.details.reason).toBe('same_status');
  });

  it('refuses a change on the day the current status began and keeps that status (the vacancy is not lost)', async () => {
    const vacantFrom2020 = await api
      .post('/api/storefronts')
      .send(storefrontBody(city, { initialStatus: { date: '2020-01-01', status: 'vacant' } }))
      .expect(201);
    id = vacantFrom2020.body.id;
    const steps = [
      { date: '2022-01-01', status: 'occupied', useCategory: 'retail_daily', businessName: 'Bäckerei Korn' },
      { date: '2024-01-01', status: 'vacant' },
    ];
    for (const [i, step] of steps.entries()) {
      await api
        .post(`/api/storefronts/${id}/status-changes`)
        .send({ version: i + 1, ...step })
        .expect(201);
    }
    const res = await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 3, date: '2024-01-01', status: 'occupied' })
      .expect(422);
    expect(res.body.code).toBe('INVALID_PERIOD');
    expect(res.body.details).toEqual({ reason: 'same_day_as_current', currentSince: '2024-01-01' });
    expect(await periods()).toEqual([
      ['vacant', '2020-01-01', '2022-01-01'],
      ['occupied', '2022-01-01', '2024-01-01'],
      ['vacant', '2024-01-01', null],
    ]);
    const unit = await api.get(`/api/storefronts/${id}`).expect(200);
    expect(unit.body.version).toBe(3);
  });

  it('joins a period corrected to the status of its predecessor: one vacancy, as if recorded once', async () => {
    await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 1, date: '2022-01-01', status: 'vacant' })
      .expect(201);
    const changed = await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 2, date: '2023-01-01', status: 'under_renovation' })
      .expect(201);
    const last = (changed.body.periods as { id: string }[])[2]!.id;
    const res = await api
      .patch(`/api/storefronts/${id}/occupancy/${last}`)
      .send({ version: 3, status: 'vacant' })
      .expect(200);
    expect(res.body.storefront.current).toMatchObject({ validFrom: '2022-01-01', statusSince: '2022-01-01' });
    expect(await periods()).toEqual([
      ['occupied', '2020-01-01', '2022-01-01'],
      ['vacant', '2022-01-01', null],
    ]);
    for (const change of [{ status: null }, { validFrom: null }]) {
      const refused = await api
        .patch(`/api/storefronts/${id}/occupancy/${last}`)
        .send({ version: 4, ...change })
        .expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('corrections of past periods', () => {
  beforeEach(async () => {
    await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 1, date: '2022-01-01', status: 'vacant' })
      .expect(201);
    await api
      .post(`/api/storefronts/${id}/status-changes`)
      .send({ version: 2, date: '2023-06-01', status: 'temporary_use', useCategory: 'culture_leisure' })
      .expect(201);
  });

  const periodId = async (index: number) =>
    ((await api.get(`/api/storefronts/${id}/occupancy`)).body as { id: string }[])[index]!.id;

  it('moves a boundary and its neighbour together, gap-free', async () => {
    const res = await api
      .patch(`/api/storefronts/${id}/occupancy/${await periodId(1)}`)
      .send({ version: 3, validFrom: '2021-09-01', validTo: '2023-07-01' })
      .expect(200);
    expect(res.body.storefront.version).toBe(4);
    expect(await periods()).toEqual([
      ['occupied', '2020-01-01', '2021-09-01'],
      ['vacant', '2021-09-01', '2023-07-01'],
      ['temporary_use', '2023-07-01', null],
    ]);
  });

  it('refuses a correction that would swallow a neighbour and keeps the history', async () => {
    const before = await periods();
    const res = await api
      .patch(`/api/storefronts/${id}/occupancy/${await periodId(1)}`)
      .send({ version: 3, validFrom: '2019-06-01' })
      .expect(422);
    expect(res.body.code).toBe('INVALID_PERIOD');
    expect(await periods()).toEqual(before);
  });

  it('removes a wrongly recorded period', async () => {
    await api.delete(`/api/storefronts/${id}/occupancy/${await periodId(1)}?version=3`).expect(200);
    expect(await periods()).toEqual([
      ['occupied', '2020-01-01', '2023-06-01'],
      ['temporary_use', '2023-06-01', null],
    ]);
  });

  it('removing a period between two alike ones leaves one period, not two in a row', async () => {
    await api
      .patch(`/api/storefronts/${id}/occupancy/${await periodId(2)}`)
      .send({ version: 3, status: 'occupied', useCategory: 'retail_daily', businessName: 'Bäckerei Korn' })
      .expect(200);
    expect(await periods()).toEqual([
      ['occupied', '2020-01-01', '2022-01-01'],
      ['vacant', '2022-01-01', '2023-06-01'],
      ['occupied', '2023-06-01', null],
    ]);
    const res = await api
      .delete(`/api/storefronts/${id}/occupancy/${await periodId(1)}?version=4`)
      .expect(200);
    expect(res.body.periods).toHaveLength(1);
    expect(await periods()).toEqual([['occupied', '2020-01-01', null]]);
  });

  it('answers 404 for a period of another storefront', async () => {
    const other = await api.post('/api/storefronts').send(storefrontBody(city)).expect(201);
    const foreign = (
      (await api.get(`/api/storefronts/${other.body.id}/occupancy`)).body as { id: string }[]
    )[0]!.id;
    await api
      .patch(`/api/storefronts/${id}/occupancy/${foreign}`)
      .send({ version: 3, note: 'x' })
      .expect(404);
  });
});
