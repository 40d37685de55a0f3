import { deriveFlowKpis, deriveStockKpis } from '../src/kpis/kpi-derive.js';
import { countFlows, countStock, trailingYear } from '../src/kpis/kpi-formulas.js';
import type { KpiPeriod, KpiUnit } from '../src/kpis/kpi.types.js';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { insertFixture } from './kpis-fixture.js';

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
const DATES = [
  '2019-06-30',
  '2023-03-01',
  '2024-02-29',
  '2024-06-30',
  '2024-09-15',
  '2025-06-30',
  '2030-01-01',
];

/** The town as the formulas take it, read from the raw tables. */
async function unitsFromDb(cityId: string): Promise<KpiUnit[]> {
  const rows = await t.db.query<
    { inside: boolean; area: number | null; verifiedOn: string | null; periods: KpiPeriod[] | null }[]
  >(
    `SELECT COALESCE(ST_Intersects(c.perimeter, s.location), false) AS inside,
            s.floor_area_m2::float8 AS area,
            to_char((s.verified_at AT TIME ZONE 'Europe/Berlin')::date, 'YYYY-MM-DD') AS "verifiedOn",
            (SELECT json_agg(json_build_object('status', o.status, 'useCategory', o.use_category,
                     'validFrom', to_char(o.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(o.valid_to, 'YYYY-MM-DD'))
                     ORDER BY o.valid_from)
               FROM occupancy_periods o WHERE o.storefront_id = s.id) AS periods
     FROM storefronts s JOIN cities c ON c.id = s.city_id WHERE s.city_id = $1`,
    [cityId],
  );
  return rows.map((r) => ({
    insidePerimeter: r.inside,
    floorAreaM2: r.area,
    verifiedOn: r.verifiedOn,
    periods: r.periods ?? [],
  }));
}

/** Snapshots on DATES and a quarterly series equal the formulas on the current raw data. */
async function expectEqualToFormulas(city: TestCity): Promise<void> {
  const units = await unitsFromDb(city.id);
  for (const asOf of DATES) {
    const res = await admin.get(`/api/kpis?cityId=${city.id}&asOf=${asOf}`).expect(200);
    const { flows, interventionsEvaluated, interventionsConverted, ...stock } = res.body[0];
    const conversion = { evaluated: interventionsEvaluated, converted: interventionsConverted };
    const year = trailingYear(asOf);
    const expected = deriveStockKpis(countStock(units, asOf), POPULATION, conversion);
    expect({ asOf, ...stock, interventionsEvaluated, interventionsConverted }).toMatchObject({
      asOf,
      ...expected,
    });
    expect(flows).toEqual(deriveFlowKpis(countFlows(units, year.from, year.to), year.from, year.to));
  }
  const series = await admin
    .get(`/api/kpis/series?cityId=${city.id}&from=2022-01-01&to=2025-12-31&interval=quarter`)
    .expect(200);
  for (const { start, end, flows, ...stock } of series.body.towns[0].buckets) {
    const conversion = { evaluated: stock.interventionsEvaluated, converted: stock.interventionsConverted };
    expect({ end, ...stock }).toEqual({
      end,
      ...deriveStockKpis(countStock(units, end), POPULATION, conversion),
    });
    expect(flows).toEqual(deriveFlowKpis(countFlows(units, start, end), start, end));
  }
}

/** The maintained aggregates of the town equal a rebuild from scratch (kpi_rebuild). */
async function expectEqualToRebuild(cityId: string): Promise<void> {
  const read = async () => ({
    days: await t.db.query(`SELECT * FROM kpi_town_days WHERE city_id = $1 ORDER BY day`, [cityId]),
    months: await t.db.query(`SELECT * FROM kpi_town_months WHERE city_id = $1 ORDER BY month`, [cityId]),
    vacancies: await t.db.query(
      `SELECT storefront_id, started_on, ended_on, relet_on FROM kpi_vacancies WHERE city_id = $1
        ORDER BY storefront_id, started_on`,
      [cityId],
    ),
  });
  /** Rows with any non-zero change, numbers compared as numbers (numeric scale may differ). */
  const nonZero = (rows: Record<string, unknown>[]) =>
    rows
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'string' && /^-?[\d.]+$/.test(v) ? Number(v) : v,
          ]),
        ),
      )
      .filter((r) => Object.entries(r).some(([k, v]) => !['city_id', 'day', 'month'].includes(k) && v !== 0));
  const maintained = await read();
  await t.db.query(`SELECT kpi_rebuild(ARRAY[$1::uuid])`, [cityId]);
  const rebuilt = await read();
  expect(nonZero(maintained.months)).toEqual(nonZero(rebuilt.months));
  expect(maintained.vacancies).toEqual(rebuilt.vacancies);
  expect(nonZero(maintained.days)).toEqual(nonZero(rebuilt.days));
  expect(nonZero(maintained.days).length).toBeGreaterThan(10);
}

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
    const b = ids.get('B')!;
    await editor
      .post(`/api/storefronts/${b}/verify`)
      .send({ version: await versionOf(b) })
      .expect(200);
    await expectEqualToFormulas(city);
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
