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

describe('on-site verifications (migration VerificationHistory)', () => {
  const verify = (at: string) =>
    db.query(`UPDATE storefronts SET verified_at = $2 WHERE id = $1`, [storefrontId, at]);
  const stored = async (): Promise<{ freshDuring: string | null; visits: string[] }> => {
    const [row] = await db.query(
      `SELECT fresh_during::text AS "freshDuring",
              ARRAY(SELECT to_char(verified_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI')
                    FROM storefront_verifications WHERE storefront_id = s.id ORDER BY verified_at) AS visits
       FROM storefronts s WHERE id = $1`,
      [storefrontId],
    );
    return row;
  };

  it('keeps every visit and the union of their 12-month windows (Berlin dates)', async () => {
    expect(await stored()).toEqual({ freshDuring: null, visits: [] });
    await verify('2022-02-28T23:30:00Z'); // 1 March in Berlin
    await verify('2024-05-01T10:00:00Z');
    await verify('2024-08-01T10:00:00Z'); // overlaps the window before
    expect(await stored()).toEqual({
      freshDuring: '{[2022-03-01,2023-03-01),[2024-05-01,2025-08-01)}',
      visits: ['2022-03-01 00:30', '2024-05-01 12:00', '2024-08-01 12:00'],
    });
  });

  it('records the visit of a unit inserted as verified', async () => {
    const [row] = await db.query(
      `INSERT INTO storefronts (city_id, street, location, verified_at)
       VALUES ($1, 'Teststraße', ST_SetSRID(ST_MakePoint($2, $3), 4326), '2025-01-10T09:00:00Z') RETURNING id`,
      [city.id, city.centre[0], city.centre[1]],
    );
    storefrontId = row.id;
    expect(await stored()).toEqual({
      freshDuring: '{[2025-01-10,2026-01-10)}',
      visits: ['2025-01-10 10:00'],
    });
  });

  it('refuses to clear a recorded visit and ignores direct writes of the derived windows', async () => {
    await verify('2024-05-01T10:00:00Z');
    expect(
      await pgCode(db.query(`UPDATE storefronts SET verified_at = NULL WHERE id = $1`, [storefrontId])),
    ).toBe('23514');
    await db.query(`UPDATE storefronts SET fresh_during = '{[2000-01-01,2100-01-01)}' WHERE id = $1`, [
      storefrontId,
    ]);
    expect((await stored()).freshDuring).toBe('{[2024-05-01,2025-05-01)}');
  });

  it('removes the visits with their unit', async () => {
    await verify('2024-05-01T10:00:00Z');
    await db.query(`DELETE FROM storefronts WHERE id = $1`, [storefrontId]);
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM storefront_verifications WHERE storefront_id = $1`,
      [storefrontId],
    );
    expect(row.n).toBe(0);
  });
});
