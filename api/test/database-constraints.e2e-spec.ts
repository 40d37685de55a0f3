import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './app.js';
import { createCity, type TestCity } from './factories.js';

/** The database itself refuses bad histories, whatever the application does. */
let t: TestApp;
let db: DataSource;
let city: TestCity;
let storefrontId: string;

beforeAll(async () => {
  t = await createTestApp();
  db = t.db;
  city = await createCity(db);
});
afterAll(() => t.close());
beforeEach(async () => {
  const [row] = await db.query(
    `INSERT INTO storefronts (city_id, street, location) VALUES ($1, 'Teststraße', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id`,
    [city.id, city.centre[0], city.centre[1]],
  );
  storefrontId = row.id;
});

const insertPeriod = (from: string, to: string | null, status = 'vacant') =>
  db.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)`,
    [storefrontId, city.id, status, from, to],
  );

const pgCode = async (work: Promise<unknown>): Promise<string | undefined> => {
  try {
    await work;
  } catch (e) {
    return (e as { driverError?: { code?: string } }).driverError?.code;
  }
  return undefined;
};

describe('occupancy_periods constraints', () => {
  it('refuses overlapping periods of one storefront (history check at commit)', async () => {
    await insertPeriod('2020-01-01', '2022-01-01');
    expect(await pgCode(insertPeriod('2021-06-01', null, 'occupied'))).toBe('23P01');
  });

  it('refuses a second open period', async () => {
    await insertPeriod('2020-01-01', null);
    expect(await pgCode(insertPeriod('2024-01-01', null, 'occupied'))).toBe('23P01');
  });

  it('allows adjacent half-open periods', async () => {
    await insertPeriod('2020-01-01', '2022-01-01');
    expect(await pgCode(insertPeriod('2022-01-01', null, 'occupied'))).toBeUndefined();
  });

  it('refuses a gap in the history at commit', async () => {
    await insertPeriod('2020-01-01', '2022-01-01');
    expect(await pgCode(insertPeriod('2022-02-01', null, 'occupied'))).toBe('SF001');
  });

  it('refuses an end before the start', async () => {
    expect(await pgCode(insertPeriod('2022-01-01', '2021-01-01'))).toBe('23514');
  });

  it('refuses a use category for a vacant period', async () => {
    const work = db.query(
      `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from) VALUES ($1, $2, 'vacant', 'health', '2020-01-01')`,
      [storefrontId, city.id],
    );
    expect(await pgCode(work)).toBe('23514');
  });

  it('refuses a period filed under another town than its storefront', async () => {
    const other = await createCity(db, [11.0, 51.0]);
    const work = db.query(
      `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) VALUES ($1, $2, 'vacant', '2020-01-01')`,
      [storefrontId, other.id],
    );
    expect(await pgCode(work)).toBe('23503');
  });

  it('has a GiST index on storefront locations that the planner uses for a bbox query', async () => {
    await db.query('SET enable_seqscan = off');
    const plan: { 'QUERY PLAN': string }[] = await db.query(
      `EXPLAIN SELECT id FROM storefronts WHERE location && ST_MakeEnvelope(10, 50, 11, 51, 4326)`,
    );
    await db.query('SET enable_seqscan = on');
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('storefronts_location_gist');
  });
});
