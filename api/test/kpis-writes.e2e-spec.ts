import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { insertFixture } from './kpis-fixture.js';
import {
  expectEqualToFormulas as expectKpisEqualToFormulas,
  expectEqualToRebuild as expectAggregatesEqualToRebuild,
} from './kpis-oracle.js';

/**
 * The pre-aggregated KPI counts (migration AddKpiPreAggregates) stay equal to the reference formulas
 * after every kind of write through the API: storefront insert, update (area, location across the
 * perimeter), verification and deletion; status change, period correction and removal; and a
 * perimeter change of the town. The oracle reads the town's raw rows (scope by ST_Intersects, not the
 * stored flag) and runs kpi-formulas.ts on them; finally the maintained aggregates must equal a
 * rebuild from scratch.
 */
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, [], true);
});
afterAll(() => t.close());

const POPULATION = 20000;
const expectEqualToFormulas = (city: TestCity): Promise<void> =>
  expectKpisEqualToFormulas(t, admin, city.id, POPULATION);
const expectEqualToRebuild = (cityId: string): Promise<void> => expectAggregatesEqualToRebuild(t, cityId);

async function periodsOf(id: string): Promise<{ id: string; status: string; validFrom: string }[]> {
  return (await admin.get(`/api/storefronts/${id}/occupancy`).expect(200)).body;
}
async function versionOf(id: string): Promise<number> {
  return (await admin.get(`/api/storefronts/${id}`).expect(200)).body.version;
}

describe('pre-aggregated KPIs stay exact on every write', () => {
  let city: TestCity;
  let editor: Agent;
  let ids: Map<string, string>;
  beforeAll(async () => {
    city = await createCity(t.db, [9.3 + Math.random() * 0.5, 48.3 + Math.random() * 0.5], POPULATION);
    ({ storefronts: ids } = await insertFixture(t.db, city));
    editor = await editorOf(t, city.id);
  });

  it('after the fixture is inserted', async () => {
    await expectEqualToFormulas(city);
  });

  it('after storefronts are created inside and outside the perimeter', async () => {
    const body = (lon: number, status: string, date: string, extra: Record<string, unknown> = {}) => ({
      cityId: city.id,
      street: 'Neue Straße',
      houseNumber: '1',
      location: { type: 'Point', coordinates: [lon, city.centre[1] + 0.001] },
      floorAreaM2: 75,
      initialStatus: { date, status, ...extra },
      ...extra,
    });
    await editor
      .post('/api/storefronts')
      .send(body(city.centre[0] + 0.001, 'vacant', '2023-03-01'))
      .expect(201);
    await editor
      .post('/api/storefronts')
      .send(body(city.centre[0] + 0.02, 'occupied', '2022-05-01'))
      .expect(201);
    await expectEqualToFormulas(city);
  });

  it('after a floor area is set and a unit is verified', async () => {
    const c = ids.get('C')!;
    await editor
      .patch(`/api/storefronts/${c}`)
      .send({ floorAreaM2: 120, version: await versionOf(c) })
      .expect(200);
    // B never verified before; C verified on 2023-07-01 (Berlin): its first visit keeps counting
    for (const key of ['B', 'C']) {
      const id = ids.get(key)!;
      await editor
        .post(`/api/storefronts/${id}/verify`)
        .send({ version: await versionOf(id) })
        .expect(200);
    }
    await expectEqualToFormulas(city);
    // by hand on 2024-06-30: A, C, D, I fresh among 9 units (the fixture's 8 and one created above)
    const [onD] = (await admin.get(`/api/kpis?cityId=${city.id}&asOf=2024-06-30`).expect(200)).body;
    expect(onD.dataFreshness).toBeCloseTo(4 / 9, 12);
  });

  it('after units move across the perimeter, both ways', async () => {
    const a = ids.get('A')!;
    const f = ids.get('F')!;
    const at = (dx: number) => ({ type: 'Point', coordinates: [city.centre[0] + dx, city.centre[1] + dx] });
    await editor
      .patch(`/api/storefronts/${a}`)
      .send({ location: at(0.02), version: await versionOf(a) })
      .expect(200);
    await editor
      .patch(`/api/storefronts/${f}`)
      .send({ location: at(0.002), version: await versionOf(f) })
      .expect(200);
    await expectEqualToFormulas(city);
  });

  it('after a status change, a period correction and a period removal', async () => {
    const j = ids.get('J')!;
    await editor
      .post(`/api/storefronts/${j}/status-changes`)
      .send({ date: '2024-09-01', status: 'vacant', version: await versionOf(j) })
      .expect(201);
    const d = ids.get('D')!;
    const vacantOfD = (await periodsOf(d)).find((p) => p.status === 'vacant')!;
    await editor
      .patch(`/api/storefronts/${d}/occupancy/${vacantOfD.id}`)
      .send({ validFrom: '2023-03-01', version: await versionOf(d) })
      .expect(200);
    const e = ids.get('E')!;
    const vacantOfE = (await periodsOf(e)).find((p) => p.status === 'vacant')!;
    await editor
      .delete(`/api/storefronts/${e}/occupancy/${vacantOfE.id}?version=${await versionOf(e)}`)
      .expect(200);
    await expectEqualToFormulas(city);
  });

  it('after a storefront is deleted', async () => {
    const g = ids.get('G')!;
    await editor.delete(`/api/storefronts/${g}?version=${await versionOf(g)}`).expect(204);
    await expectEqualToFormulas(city);
  });

  it('after the town’s perimeter changes', async () => {
    const { version } = (await admin.get(`/api/cities/${city.id}`).expect(200)).body;
    const [lon, lat] = city.centre;
    // a rectangle east of the centre: fixture units 1–5 (offsets up to 0.0005) fall out, the others and the moved-in F stay in
    const ring = [
      [lon + 0.00055, lat - 0.004],
      [lon + 0.004, lat - 0.004],
      [lon + 0.004, lat + 0.004],
      [lon + 0.00055, lat + 0.004],
      [lon + 0.00055, lat - 0.004],
    ];
    await editor
      .put(`/api/cities/${city.id}/perimeter`)
      .send({ perimeter: { type: 'Polygon', coordinates: [ring] }, version })
      .expect(200);
    await expectEqualToFormulas(city);
  });

  it('the maintained aggregates equal a rebuild from scratch', async () => {
    await expectEqualToRebuild(city.id);
  });
});
