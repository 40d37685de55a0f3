import { countStock } from '../src/kpis/kpi-formulas.js';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { insertFixture } from './kpis-fixture.js';
import { expectEqualToFormulas, expectEqualToRebuild, unitsFromDb } from './kpis-oracle.js';

/**
 * `kpi_vacancy_months` (migration KpiSeriesAggregates) answers `medianVacancyDays` on month ends:
 * one row per month of the town's coverage (first vacancy start to last vacancy event), before it
 * null, after it the last row shifted by the days since. These writes move both ends of the
 * coverage; after each, monthly and yearly series far on both sides of the data equal the formulas,
 * and the table equals a rebuild.
 */
let t: TestApp;
let admin: Agent;
let town: TestCity;
const POPULATION = 20000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, [], true);
  town = await createCity(t.db, [9.1 + Math.random() * 0.8, 51.1 + Math.random() * 0.8], POPULATION);
  await insertFixture(t.db, town);
});
afterAll(() => t.close());

const coverage = async (): Promise<{ first: string | null; last: string | null; rows: number }> => {
  const [row] = await t.db.query<{ first: string | null; last: string | null; rows: number }[]>(
    `SELECT to_char(min(month), 'YYYY-MM') AS first, to_char(max(month), 'YYYY-MM') AS last, count(*)::int AS rows
     FROM kpi_vacancy_months WHERE city_id = $1`,
    [town.id],
  );
  return row!;
};

/** Median vacancy days of monthly 2010–2026 and yearly 2005–2045 series equal the formulas. */
async function expectMediansEqualToFormulas(): Promise<void> {
  const units = await unitsFromDb(t, town.id);
  for (const [from, to, interval] of [
    ['2010-01-01', '2026-12-31', 'month'],
    ['2005-01-01', '2045-12-31', 'year'],
  ] as const) {
    const res = await admin
      .get(`/api/kpis/series?cityId=${town.id}&from=${from}&to=${to}&interval=${interval}`)
      .expect(200);
    const buckets = res.body.towns[0].buckets as { end: string; medianVacancyDays: number | null }[];
    expect(buckets.map((b) => [b.end, b.medianVacancyDays])).toEqual(
      buckets.map((b) => [b.end, countStock(units, b.end).medianVacancyDays]),
    );
  }
  const read = () =>
    t.db.query(
      `SELECT month, median_vacancy_days FROM kpi_vacancy_months WHERE city_id = $1 ORDER BY month`,
      [town.id],
    );
  const maintained = await read();
  await t.db.query(`SELECT kpi_rebuild(ARRAY[$1::uuid])`, [town.id]);
  expect(maintained).toEqual(await read());
}

const addUnit = async (house: string, periods: [string, string, string | null][]): Promise<string> => {
  const [row] = await t.db.query<{ id: string }[]>(
    `INSERT INTO storefronts (city_id, street, house_number, location)
     SELECT id, 'Grabenweg', $2, ST_SetSRID(ST_MakePoint(ST_X(centre) + 0.0003, ST_Y(centre) - 0.0002), 4326)
     FROM cities WHERE id = $1 RETURNING id`,
    [town.id, house],
  );
  await t.db.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from, valid_to)
     SELECT $1, $2, p.status, p.f::date, p.t::date FROM unnest($3::text[], $4::text[], $5::text[]) AS p(status, f, t)`,
    [row!.id, town.id, periods.map((p) => p[0]), periods.map((p) => p[1]), periods.map((p) => p[2])],
  );
  return row!.id;
};

describe('the vacancy months follow both ends of the coverage', () => {
  let early: string;

  it('the fixture: coverage from the first vacancy start to the last vacancy event', async () => {
    expect(await coverage()).toMatchObject({ first: '2022-01' });
    await expectMediansEqualToFormulas();
    await expectEqualToRebuild(t, town.id);
  });

  it('a vacancy long before the others moves the start back (months without open vacancies stay null)', async () => {
    early = await addUnit('1', [
      ['vacant', '2012-03-15', '2013-02-01'],
      ['occupied', '2013-02-01', null],
    ]);
    expect(await coverage()).toMatchObject({ first: '2012-03' });
    await expectMediansEqualToFormulas();
  });

  it('removing every later period shrinks the end to before the recomputed months', async () => {
    const before = await coverage();
    await t.db.query(`DELETE FROM occupancy_periods WHERE city_id = $1 AND valid_from >= '2015-01-01'`, [
      town.id,
    ]);
    const after = await coverage();
    expect(after).toMatchObject({ first: '2012-03', last: '2013-02' });
    expect(after.rows).toBeLessThan(before.rows);
    await expectMediansEqualToFormulas();
  });

  it('deleting the storefront of the only vacancy leaves no rows', async () => {
    await t.db.query(`DELETE FROM storefronts WHERE id = $1`, [early]);
    expect(await coverage()).toEqual({ first: null, last: null, rows: 0 });
    await expectMediansEqualToFormulas();
  });

  it('open vacancies after a perimeter change: in, out of scope, and back', async () => {
    await addUnit('2', [
      ['occupied', '2016-05-01', '2018-07-31'],
      ['vacant', '2018-07-31', '2019-01-01'],
      ['vacant', '2019-01-01', null],
    ]);
    await addUnit('3', [['vacant', '2020-02-29', null]]);
    expect(await coverage()).toMatchObject({ first: '2018-07', last: '2020-02' });
    await expectMediansEqualToFormulas();
    await t.db.query(`UPDATE cities SET perimeter = ST_Multi(ST_Expand(centre, 0.0001)) WHERE id = $1`, [
      town.id,
    ]);
    expect((await coverage()).rows).toBe(0);
    await expectMediansEqualToFormulas();
    await t.db.query(`UPDATE cities SET perimeter = ST_Multi(ST_Expand(centre, 0.005)) WHERE id = $1`, [
      town.id,
    ]);
    expect(await coverage()).toMatchObject({ first: '2018-07', last: '2020-02' });
    await expectMediansEqualToFormulas();
    await expectEqualToFormulas(t, admin, town.id, POPULATION);
  });

  it('kpi_rebuild repairs a damaged table', async () => {
    await t.db.query(
      `UPDATE kpi_vacancy_months SET median_vacancy_days = median_vacancy_days + 1 WHERE city_id = $1`,
      [town.id],
    );
    await t.db.query(
      `INSERT INTO kpi_vacancy_months (city_id, month, median_vacancy_days) VALUES ($1, '2001-01-01', 5)`,
      [town.id],
    );
    await t.db.query(`SELECT kpi_rebuild(ARRAY[$1::uuid])`, [town.id]);
    expect(await coverage()).toMatchObject({ first: '2018-07', last: '2020-02' });
    await expectMediansEqualToFormulas();
  });
});
