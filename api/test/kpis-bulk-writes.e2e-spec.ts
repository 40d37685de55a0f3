import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { insertFixture } from './kpis-fixture.js';
import { expectEqualToFormulas, expectEqualToRebuild } from './kpis-oracle.js';

/**
 * The KPI triggers (migration FasterKpiAggregates) handle a statement as one set: these writes are
 * single SQL statements that touch many units of two towns at once — the shape of an import, a batch
 * correction or a clean-up — inside and outside the perimeters. After each, both towns' KPIs equal
 * the reference formulas on their raw rows, and finally the maintained aggregates equal a rebuild.
 */
let t: TestApp;
let admin: Agent;
let towns: TestCity[];
const POPULATION = 20000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, [], true);
  towns = [];
  for (let i = 0; i < 2; i++) {
    const town = await createCity(t.db, [8.1 + Math.random() * 0.8, 52.1 + Math.random() * 0.8], POPULATION);
    await insertFixture(t.db, town);
    towns.push(town);
  }
});
afterAll(() => t.close());

const ids = (): string[] => towns.map((c) => c.id);
async function expectBothTownsExact(): Promise<void> {
  for (const town of towns) await expectEqualToFormulas(t, admin, town.id, POPULATION);
}

describe('multi-row statements over several towns keep the KPIs exact', () => {
  it('one INSERT of units in both towns (half outside the perimeters), one INSERT of their histories', async () => {
    await t.db.transaction(async (em) => {
      await em.query(
        `INSERT INTO storefronts (city_id, street, house_number, location, floor_area_m2, verified_at)
         SELECT c.id, 'Stapelweg', i::text,
                ST_SetSRID(ST_MakePoint(ST_X(c.centre) + CASE WHEN i % 2 = 0 THEN 0.001 ELSE 0.02 END + i * 0.00001,
                                        ST_Y(c.centre)), 4326),
                CASE WHEN i % 3 = 0 THEN NULL ELSE 40 + i END,
                CASE WHEN i % 4 = 0 THEN NULL ELSE timestamptz '2024-01-15 23:30+00' + i * interval '9 days' END
         FROM cities c CROSS JOIN generate_series(1, 12) i WHERE c.id = ANY($1::uuid[])`,
        [ids()],
      );
      // occupied → vacant (for some re-let, some still vacant) → …; first periods on several days
      await em.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from, valid_to)
         SELECT s.id, s.city_id, p.status, p.cat, p.f, p.t
         FROM storefronts s
         CROSS JOIN LATERAL (SELECT house_number::int AS i) n
         CROSS JOIN LATERAL (VALUES
           ('occupied', 'services', date '2021-01-01' + n.i * 30, date '2022-06-01' + n.i * 20),
           ('vacant', NULL, date '2022-06-01' + n.i * 20, CASE WHEN n.i % 2 = 0 THEN date '2024-03-01' + n.i * 10 END),
           ('temporary_use', 'culture_leisure', date '2024-03-01' + n.i * 10, NULL)
         ) p(status, cat, f, t)
         WHERE s.city_id = ANY($1::uuid[]) AND s.street = 'Stapelweg' AND (p.f < p.t OR p.t IS NULL)
           AND (n.i % 2 = 0 OR p.status <> 'temporary_use')`,
        [ids()],
      );
    });
    await expectBothTownsExact();
  });

  it('one UPDATE changing statuses of many periods in both towns', async () => {
    const [, renovated] = await t.db.query<[unknown[], number]>(
      `UPDATE occupancy_periods SET status = 'under_renovation', use_category = NULL
       WHERE city_id = ANY($1::uuid[]) AND status = 'vacant' AND valid_to IS NULL`,
      [ids()],
    );
    expect(renovated).toBeGreaterThan(3);
    await expectBothTownsExact();
  });

  it('one UPDATE moving period boundaries (both neighbours in the same statement)', async () => {
    const [, moved] = await t.db.query<[unknown[], number]>(
      `UPDATE occupancy_periods o SET
         valid_to = CASE WHEN o.valid_to = n.boundary THEN n.boundary - 45 ELSE o.valid_to END,
         valid_from = CASE WHEN o.valid_from = n.boundary THEN n.boundary - 45 ELSE o.valid_from END
       FROM (SELECT storefront_id, valid_from AS boundary FROM occupancy_periods
             WHERE city_id = ANY($1::uuid[]) AND status = 'vacant') n
       WHERE o.storefront_id = n.storefront_id AND (o.valid_to = n.boundary OR o.valid_from = n.boundary)
         AND (o.valid_from < n.boundary - 45 OR o.valid_from = n.boundary)`,
      [ids()],
    );
    expect(moved).toBeGreaterThan(6);
    await expectBothTownsExact();
  });

  it('one UPDATE of floor areas and verification dates of all units of both towns', async () => {
    await t.db.query(
      `UPDATE storefronts SET floor_area_m2 = CASE WHEN floor_area_m2 IS NULL THEN 55 ELSE floor_area_m2 + 0.5 END,
                              verified_at = COALESCE(verified_at + interval '100 days', timestamptz '2024-12-31 23:30+00')
       WHERE city_id = ANY($1::uuid[])`,
      [ids()],
    );
    await expectBothTownsExact();
  });

  it('one DELETE of the open periods of many units (their previous period reopened in the same transaction)', async () => {
    await t.db.transaction(async (em) => {
      // a DELETE … RETURNING answers [rows, count] through TypeORM
      const [gone] = await em.query<[{ storefront_id: string; valid_from: string }[], number]>(
        `DELETE FROM occupancy_periods o
         WHERE o.city_id = ANY($1::uuid[]) AND o.valid_to IS NULL
           AND EXISTS (SELECT 1 FROM occupancy_periods p WHERE p.storefront_id = o.storefront_id AND p.valid_to = o.valid_from)
         RETURNING storefront_id, valid_from`,
        [ids()],
      );
      expect(gone.length).toBeGreaterThan(3);
      await em.query(
        `UPDATE occupancy_periods p SET valid_to = NULL
         FROM unnest($1::uuid[], $2::date[]) g(sid, d) WHERE p.storefront_id = g.sid AND p.valid_to = g.d`,
        [gone.map((g) => g.storefront_id), gone.map((g) => g.valid_from)],
      );
    });
    await expectBothTownsExact();
  });

  it('one DELETE of storefronts in both towns, and both perimeters changed by one UPDATE', async () => {
    await t.db.query(
      `DELETE FROM storefronts WHERE city_id = ANY($1::uuid[]) AND street = 'Stapelweg' AND house_number::int % 3 = 1`,
      [ids()],
    );
    await expectBothTownsExact();
    await t.db.query(
      `UPDATE cities SET perimeter = ST_Multi(ST_Expand(centre, 0.0012)) WHERE id = ANY($1::uuid[])`,
      [ids()],
    );
    await expectBothTownsExact();
  });

  it('the maintained aggregates of both towns equal a rebuild from scratch', async () => {
    for (const town of towns) await expectEqualToRebuild(t, town.id);
  });
});
