import type { DataSource, QueryRunner } from 'typeorm';
import { translatePgError } from '../src/common/pg-errors.js';
import { townDataVersion } from '../src/imports/import-plan-store.js';
import { createTestApp, type TestApp } from './app.js';
import { createCity, type TestCity } from './factories.js';
import { insertFixture } from './kpis-fixture.js';
import { expectEqualToRebuild } from './kpis-oracle.js';

/**
 * Two writers in one town at the same moment (migration TileGridLocks): the second waits for the
 * town's write lock until the first has committed, both commit, and the derived tables (KPI
 * aggregates, vacancy medians, both levels of the tile grid) count both. Before the lock the second
 * failed with a duplicate key in `kpi_vacancy_months` or `tile_grid_cells`, or counted without the
 * first's rows. A rebuild waits for writers in flight the same way.
 *
 * The same lock keeps histories whole without an exclusion constraint (migration HistoryChainCheck):
 * the check at commit of a second writer sees what the first committed.
 */
let t: TestApp;
let db: DataSource;
let town: TestCity;

beforeAll(async () => {
  t = await createTestApp();
  db = t.db;
  town = await createCity(db, [9.2 + Math.random() * 0.6, 51.2 + Math.random() * 0.6]);
  await insertFixture(db, town);
});
afterAll(() => t.close());

const open: QueryRunner[] = [];
afterEach(async () => {
  for (const q of open.splice(0)) {
    if (q.isTransactionActive) await q.rollbackTransaction().catch(() => undefined);
    await q.release();
  }
});

async function transaction(isolation?: 'REPEATABLE READ'): Promise<QueryRunner> {
  const q = db.createQueryRunner();
  open.push(q);
  await q.connect();
  await q.startTransaction(isolation);
  return q;
}

/** A unit a few metres from the town centre (same fine grid cell for every n), vacant since `since`. */
async function addVacantUnit(
  q: QueryRunner,
  n: number,
  since: string,
  inTown: TestCity = town,
): Promise<void> {
  const [unit] = (await q.query(
    `INSERT INTO storefronts (city_id, street, house_number, location)
     VALUES ($1, 'Parallelgasse', $2, ST_SetSRID(ST_MakePoint($3, $4), 4326)) RETURNING id`,
    [inTown.id, String(n), inTown.centre[0] + n * 0.00002, inTown.centre[1]],
  )) as { id: string }[];
  await q.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) VALUES ($1, $2, 'vacant', $3)`,
    [unit!.id, inTown.id, since],
  );
}

const backendPid = async (q: QueryRunner): Promise<number> =>
  ((await q.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[])[0]!.pid;

/** The lock the backend waits for once it has started waiting (polls up to 10 s); null if it never waits. */
async function waitingOn(pid: number): Promise<string | null> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.query<{ wait: string | null }[]>(
      `SELECT CASE WHEN wait_event_type = 'Lock' THEN wait_event END AS wait FROM pg_stat_activity WHERE pid = $1`,
      [pid],
    );
    if (row?.wait) return row.wait;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** The town's vacant units in the fine grid, and the coarse cells that differ from the sums of their fine cells. */
async function grid(): Promise<{ vacant: number; coarseMismatches: number }> {
  const [fine] = await db.query<{ vacant: number }[]>(
    `SELECT COALESCE(sum(vacant), 0)::int AS vacant FROM tile_grid_cells WHERE city_id = $1`,
    [town.id],
  );
  const [coarse] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (
       SELECT cx, cy, sum(vacant)::int AS vacant, sum(occupied)::int AS occupied
       FROM (SELECT ix >> 3 AS cx, iy >> 3 AS cy, vacant, occupied FROM tile_grid_cells WHERE city_id = $1) f
       GROUP BY 1, 2) f
     FULL JOIN (SELECT cx, cy, vacant, occupied FROM tile_grid_coarse WHERE city_id = $1) c USING (cx, cy)
     WHERE (f.vacant, f.occupied) IS DISTINCT FROM (c.vacant, c.occupied)`,
    [town.id],
  );
  return { vacant: fine!.vacant, coarseMismatches: coarse!.n };
}

it('lets a second writer in the same town wait for the first, and both count', async () => {
  const before = (await grid()).vacant;
  const first = await transaction();
  const second = await transaction();
  const secondPid = await backendPid(second);
  await addVacantUnit(first, 1, '2024-03-05');

  const secondWrites = addVacantUnit(second, 2, '2024-03-20');
  expect(await waitingOn(secondPid)).toBe('advisory');
  await first.commitTransaction();
  await secondWrites;
  await second.commitTransaction();

  expect(await grid()).toEqual({ vacant: before + 2, coarseMismatches: 0 });
  await expectEqualToRebuild(t, town.id);
});

it('lets a rebuild wait for a writer in flight, then counts what it committed', async () => {
  const before = (await grid()).vacant;
  const writer = await transaction();
  await addVacantUnit(writer, 3, '2023-11-01');

  const rebuilder = await transaction();
  const rebuilderPid = await backendPid(rebuilder);
  const rebuilt = rebuilder.query(`SELECT tile_grid_rebuild()`);
  expect(await waitingOn(rebuilderPid)).toBe('advisory');
  await writer.commitTransaction();
  await rebuilt;
  await rebuilder.commitTransaction();

  expect(await grid()).toEqual({ vacant: before + 1, coarseMismatches: 0 });
});

it('lets a writer deleting a unit wait for another writer in the town', async () => {
  const first = await transaction();
  await addVacantUnit(first, 4, '2022-01-10');
  await first.commitTransaction();
  const before = (await grid()).vacant;

  const writer = await transaction();
  await addVacantUnit(writer, 5, '2022-02-01');
  const deleter = await transaction();
  const deleterPid = await backendPid(deleter);
  const deleted = deleter.query(
    `DELETE FROM storefronts WHERE city_id = $1 AND street = 'Parallelgasse' AND house_number = '4'`,
    [town.id],
  );
  expect(await waitingOn(deleterPid)).toBe('advisory');
  await writer.commitTransaction();
  await deleted;
  await deleter.commitTransaction();

  expect(await grid()).toEqual({ vacant: before, coarseMismatches: 0 });
  await expectEqualToRebuild(t, town.id);
});

it('cancels one of two transactions writing two towns in opposite order, as a conflict to retry', async () => {
  const other = await createCity(db, [9.2 + Math.random() * 0.6, 51.2 + Math.random() * 0.6]);
  const one = await transaction();
  const two = await transaction();
  await addVacantUnit(one, 6, '2024-05-01');
  await addVacantUnit(two, 7, '2024-05-01', other);
  const outcomes = await Promise.allSettled([
    addVacantUnit(one, 8, '2024-05-01', other).then(() => one.commitTransaction()),
    addVacantUnit(two, 9, '2024-05-01').then(() => two.commitTransaction()),
  ]);

  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect(failed).toHaveLength(1);
  expect(translatePgError(failed[0]!.reason)?.code).toBe('CONCURRENT_WRITE');
  await expectEqualToRebuild(t, town.id);
});

it("lets an import's commit wait for the town's write lock before it locks the town's data version", async () => {
  const writer = await transaction();
  await addVacantUnit(writer, 10, '2024-07-01'); // holds the town lock, then bumped the import data version
  const importer = await transaction();
  const importerPid = await backendPid(importer);
  const version = townDataVersion(importer.manager, town.id, true);
  // Waiting on the version row instead ('transactionid') would let the writer, waiting for the import's
  // lock in a later statement, deadlock with it.
  expect(await waitingOn(importerPid)).toBe('advisory');
  await writer.commitTransaction();
  expect(Number(await version)).toBeGreaterThan(0);
  await importer.commitTransaction();
});

describe('two writers adding periods to one unit that overlap only together', () => {
  /** A unit occupied since 2020-01-01; each writer prepends a period ending then (valid alone). */
  async function unitSince2020(): Promise<string> {
    const [unit] = await db.query<{ id: string }[]>(
      `INSERT INTO storefronts (city_id, street, house_number, location)
       VALUES ($1, 'Kettengasse', '1', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id`,
      [town.id, town.centre[0], town.centre[1] + 0.0001],
    );
    await db.query(
      `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from)
       VALUES ($1, $2, 'occupied', 'services', '2020-01-01')`,
      [unit!.id, town.id],
    );
    return unit!.id;
  }
  const prepend = (q: QueryRunner, unitId: string, from: string): Promise<unknown> =>
    q.query(
      `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from, valid_to)
       VALUES ($1, $2, 'vacant', $3, '2020-01-01')`,
      [unitId, town.id, from],
    );
  const periods = async (unitId: string): Promise<string[]> =>
    (
      await db.query<{ from: string }[]>(
        `SELECT valid_from::text AS from FROM occupancy_periods WHERE storefront_id = $1 ORDER BY valid_from`,
        [unitId],
      )
    ).map((r) => r.from);

  it('refuses the second at commit (read committed): it waited for the first and then sees its period', async () => {
    const unitId = await unitSince2020();
    const first = await transaction();
    const second = await transaction();
    const secondPid = await backendPid(second);
    await prepend(first, unitId, '2018-01-01');
    const secondWrites = prepend(second, unitId, '2019-01-01');
    expect(await waitingOn(secondPid)).toBe('advisory');
    await first.commitTransaction();
    await secondWrites;

    const refused = await second.commitTransaction().then(
      () => null,
      (e: unknown) => e,
    );
    expect(translatePgError(refused)?.code).toBe('OVERLAPPING_PERIODS');
    expect(await periods(unitId)).toEqual(['2018-01-01', '2020-01-01']);
  });

  it('refuses the second (repeatable read) when its snapshot predates the first one’s commit', async () => {
    const unitId = await unitSince2020();
    const second = await transaction('REPEATABLE READ');
    await second.query(`SELECT count(*) FROM occupancy_periods WHERE storefront_id = $1`, [unitId]);
    const first = await transaction();
    await prepend(first, unitId, '2018-01-01');
    await first.commitTransaction();

    const refused = await prepend(second, unitId, '2019-01-01')
      .then(() => second.commitTransaction())
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(translatePgError(refused)?.code).toBe('CONCURRENT_WRITE'); // 40001 on the town's version rows
    expect(await periods(unitId)).toEqual(['2018-01-01', '2020-01-01']);
  });
});
