import type { DataSource, QueryRunner } from 'typeorm';
import { createTestApp, type TestApp } from './app.js';
import { createCity, type TestCity } from './factories.js';

/**
 * The cheaper checks of migration FasterImportChecks (docs/import-export.md, "Speed") guard as much as
 * the per-row ones did: gap-free histories checked once per transaction for every unit a statement
 * touched, and the perimeter flag either computed per row or verified per statement.
 */
let t: TestApp;
let db: DataSource;
let city: TestCity;

beforeAll(async () => {
  t = await createTestApp();
  db = t.db;
  city = await createCity(db);
});
afterAll(() => t.close());

/** Three units at the centre (inside the perimeter), each with one open period from 2020-01-01. */
async function threeUnits(): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO storefronts (city_id, street, house_number, location)
     SELECT $1, 'Prüfstraße', n::text, ST_SetSRID(ST_MakePoint($2 + n * 0.0001, $3), 4326)
     FROM generate_series(1, 3) n RETURNING id`,
    [city.id, city.centre[0], city.centre[1]],
  );
  await db.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from)
     SELECT id, $1, 'vacant', '2020-01-01' FROM unnest($2::uuid[]) id`,
    [city.id, rows.map((r) => r.id)],
  );
  return rows.map((r) => r.id);
}

/** Runs the statements in one transaction; the SQLSTATE it failed with (at commit or before), or null. */
async function transaction(work: (q: QueryRunner) => Promise<unknown>): Promise<string | null> {
  const q = db.createQueryRunner();
  await q.connect();
  try {
    await q.startTransaction();
    await work(q);
    await q.commitTransaction();
    return null;
  } catch (e) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    return (
      (e as { driverError?: { code?: string } }).driverError?.code ??
      (e as { code?: string }).code ??
      'unknown'
    );
  } finally {
    await q.release();
  }
}

const queued = async (): Promise<number> =>
  (await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM occupancy_gap_checks`))[0]!.n;

describe('gap-free histories, checked once per transaction', () => {
  it('accepts a multi-row statement that extends several histories without gaps, and leaves no queue behind', async () => {
    const units = await threeUnits();
    const code = await transaction(async (q) => {
      await q.query(
        `UPDATE occupancy_periods SET valid_to = '2024-06-01' WHERE storefront_id = ANY($1::uuid[]) AND valid_to IS NULL`,
        [units],
      );
      await q.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from)
         SELECT id, $1, 'occupied', 'food_drink', '2024-06-01' FROM unnest($2::uuid[]) id`,
        [city.id, units],
      );
    });
    expect(code).toBeNull();
    expect(await queued()).toBe(0);
  });

  it('refuses at commit a multi-row statement that leaves a gap in one of several units (SF001)', async () => {
    const units = await threeUnits();
    const code = await transaction(async (q) => {
      await q.query(
        `UPDATE occupancy_periods SET valid_to = '2024-06-01' WHERE storefront_id = ANY($1::uuid[]) AND valid_to IS NULL`,
        [units],
      );
      // the second unit's next period starts a day late
      await q.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from)
         SELECT id, $1, 'occupied', CASE WHEN id = $3 THEN date '2024-06-02' ELSE date '2024-06-01' END
         FROM unnest($2::uuid[]) id`,
        [city.id, units, units[1]],
      );
    });
    expect(code).toBe('SF001');
    expect(await queued()).toBe(0);
    const open = await db.query(
      `SELECT 1 FROM occupancy_periods WHERE storefront_id = ANY($1::uuid[]) AND valid_to IS NOT NULL`,
      [units],
    );
    expect(open).toHaveLength(0); // nothing of the transaction was kept
  });

  it('refuses deleting a middle period or shortening one, and checks at once when asked (SET CONSTRAINTS … IMMEDIATE)', async () => {
    const [a, b] = await threeUnits();
    await transaction(async (q) => {
      await q.query(`UPDATE occupancy_periods SET valid_to = '2022-01-01' WHERE storefront_id = $1`, [a]);
      await q.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from, valid_to)
         VALUES ($1, $2, 'occupied', '2022-01-01', '2023-01-01'), ($1, $2, 'vacant', '2023-01-01', NULL)`,
        [a, city.id],
      );
    });
    expect(
      await transaction((q) =>
        q.query(`DELETE FROM occupancy_periods WHERE storefront_id = $1 AND valid_from = '2022-01-01'`, [a]),
      ),
    ).toBe('SF001');
    expect(
      await transaction((q) =>
        q.query(
          `UPDATE occupancy_periods SET valid_to = '2022-12-01' WHERE storefront_id = $1 AND valid_from = '2022-01-01'`,
          [a],
        ),
      ),
    ).toBe('SF001');
    // IMMEDIATE: the statement after the check never runs
    let reachedNext = false;
    const code = await transaction(async (q) => {
      await q.query(`SET CONSTRAINTS occupancy_periods_chain IMMEDIATE`);
      await q.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from, valid_to) VALUES ($1, $2, 'occupied', '2018-01-01', '2019-01-01')`,
        [b, city.id],
      );
      reachedNext = true;
    });
    expect(code).toBe('SF001');
    expect(reachedNext).toBe(false);
  });

  it('lets a transaction pass through a gap that it closes before commit', async () => {
    const [a] = await threeUnits();
    const code = await transaction(async (q) => {
      await q.query(`UPDATE occupancy_periods SET valid_to = '2021-01-01' WHERE storefront_id = $1`, [a]);
      await q.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) VALUES ($1, $2, 'occupied', '2021-03-01')`,
        [a, city.id],
      );
      await q.query(
        `UPDATE occupancy_periods SET valid_to = '2021-03-01' WHERE storefront_id = $1 AND valid_from = '2020-01-01'`,
        [a],
      );
    });
    expect(code).toBeNull();
  });
});

describe('perimeter flag: per row when left out, verified per statement when given', () => {
  const point = (dx: number) => [city.centre[0] + dx, city.centre[1]] as const;
  const flagOf = async (id: string): Promise<boolean> =>
    (
      await db.query<{ f: boolean }[]>(`SELECT inside_perimeter AS f FROM storefronts WHERE id = $1`, [id])
    )[0]!.f;

  it('computes it for single-row inserts that leave it out, and again when the unit moves', async () => {
    const insert = async (dx: number): Promise<string> =>
      (
        await db.query<{ id: string }[]>(
          `INSERT INTO storefronts (city_id, street, location) VALUES ($1, 'Randweg', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id`,
          [city.id, ...point(dx)],
        )
      )[0]!.id;
    const inside = await insert(0.001);
    const outside = await insert(0.02); // the test perimeter is ±0.005°
    expect(await flagOf(inside)).toBe(true);
    expect(await flagOf(outside)).toBe(false);
    await db.query(`UPDATE storefronts SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326) WHERE id = $1`, [
      inside,
      ...point(0.02),
    ]);
    await db.query(`UPDATE storefronts SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326) WHERE id = $1`, [
      outside,
      ...point(0.002),
    ]);
    expect(await flagOf(inside)).toBe(false);
    expect(await flagOf(outside)).toBe(true);
    // the same location again changes nothing
    await db.query(`UPDATE storefronts SET location = location, street = 'Randweg 2' WHERE id = $1`, [
      outside,
    ]);
    expect(await flagOf(outside)).toBe(true);
  });

  it('accepts a bulk insert that gives the right flags and refuses one wrong flag among them (SF003)', async () => {
    const bulk = (wrongAt: number | null) =>
      transaction((q) =>
        q.query(
          `INSERT INTO storefronts (city_id, street, house_number, location, inside_perimeter)
           SELECT $1, 'Sammelweg', n::text, p.g,
                  CASE WHEN n = $4 THEN NOT ST_Intersects(c.perimeter, p.g) ELSE ST_Intersects(c.perimeter, p.g) END
           FROM generate_series(1, 40) n
           CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint($2 + (n - 20) * 0.0007, $3), 4326) AS g) p
           JOIN cities c ON c.id = $1`,
          [city.id, city.centre[0], city.centre[1], wrongAt],
        ),
      );
    expect(await bulk(7)).toBe('SF003');
    expect(await bulk(null)).toBeNull();
    const counts = await db.query<{ inside: number; outside: number }[]>(
      `SELECT count(*) FILTER (WHERE inside_perimeter)::int AS inside, count(*) FILTER (WHERE NOT inside_perimeter)::int AS outside
       FROM storefronts WHERE city_id = $1 AND street = 'Sammelweg'`,
      [city.id],
    );
    expect(counts[0]).toEqual({ inside: 15, outside: 25 }); // |n − 20| × 0.0007 < 0.005
  });
});
