import { migrate, migrations } from '../../db/data-source.js';
import { createCity } from './factories.js';
import { scratchDatabase, withDatabase } from './scratch-database.js';

/**
 * Migration VerificationHistory on a database that already holds verified units and audit records:
 * earlier visits come back from the audit trail (not the last visit twice: snapshots keep milliseconds,
 * `verified_at` microseconds), the windows widen, the units' `updated_at` stays, and the KPI
 * pre-aggregates equal a rebuild from scratch afterwards.
 */
const scratch = scratchDatabase('visits');
const targetUrl = scratch.url;

/** VerificationHistory and the migrations after it, reverted before the test and applied again in it. */
const reapplied = migrations
  .slice(migrations.findIndex((m) => m.name === 'VerificationHistory1765400000000'))
  .map((m) => m.name);

beforeAll(async () => {
  await scratch.recreate();
  await migrate(targetUrl);
  expect(reapplied[0]).toBe('VerificationHistory1765400000000');
  for (const name of [...reapplied].reverse()) {
    expect(scratch.migrateDown('--yes').stdout).toBe(`[db] reverted ${name}\n`);
  }
}, 60000);

afterAll(() => scratch.drop());

it('recovers earlier visits from the audit trail, once each, and keeps the KPIs exact', async () => {
  const unit = await withDatabase(targetUrl, async (db) => {
    const city = await createCity(db);
    // verified on 1 May 2025 through the app (microseconds), last changed on 2 May 2025
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO storefronts (city_id, street, location, verified_at, updated_at)
       VALUES ($1, 'Marktstraße', ST_SetSRID(ST_MakePoint($2, $3), 4326),
               '2025-05-01T10:00:00.123456Z', '2025-05-02T08:00:00Z') RETURNING id`,
      [city.id, city.centre[0], city.centre[1]],
    );
    await db.query(
      `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) VALUES ($1, $2, 'occupied', '2020-01-01')`,
      [row!.id, city.id],
    );
    // the audit trail of both verifications, as the app wrote them (JSON dates to the millisecond)
    const snapshot = (verifiedAt: string | null) => JSON.stringify({ id: row!.id, verifiedAt });
    for (const [before, after] of [
      [null, '2024-03-01T09:00:00.000Z'],
      ['2024-03-01T09:00:00.000Z', '2025-05-01T10:00:00.123Z'],
    ]) {
      await db.query(
        `INSERT INTO audit_log (city_id, entity_type, entity_id, action, before, after)
         VALUES ($1, 'storefront', $2, 'update', $3, $4)`,
        [city.id, row!.id, snapshot(before ?? null), snapshot(after ?? null)],
      );
    }
    return { id: row!.id, cityId: city.id };
  });

  expect(await migrate(targetUrl)).toEqual(reapplied);

  await withDatabase(targetUrl, async (db) => {
    const [stored] = await db.query<{ visits: string[]; freshDuring: string; updatedAt: Date }[]>(
      `SELECT ARRAY(SELECT to_char(v.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')
                    FROM storefront_verifications v WHERE v.storefront_id = s.id ORDER BY 1) AS visits,
              s.fresh_during::text AS "freshDuring", s.updated_at AS "updatedAt"
       FROM storefronts s WHERE s.id = $1`,
      [unit.id],
    );
    expect(stored!.visits).toEqual(['2024-03-01 09:00:00.000000', '2025-05-01 10:00:00.123456']);
    expect(stored!.freshDuring).toBe('{[2024-03-01,2025-03-01),[2025-05-01,2026-05-01)}');
    expect(stored!.updatedAt.toISOString()).toBe('2025-05-02T08:00:00.000Z');

    // the maintained pre-aggregates (fresh on 1 June 2024 now counts) equal a rebuild from scratch
    const days = async () =>
      db.query<{ day: string; fresh: number; units: number }[]>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, fresh, units FROM kpi_town_days
         WHERE city_id = $1 AND (fresh <> 0 OR units <> 0) ORDER BY day`,
        [unit.cityId],
      );
    const maintained = await days();
    expect(maintained.filter((d) => d.fresh !== 0)).toEqual([
      { day: '2024-03-01', fresh: 1, units: 0 },
      { day: '2025-03-01', fresh: -1, units: 0 },
      { day: '2025-05-01', fresh: 1, units: 0 },
      { day: '2026-05-01', fresh: -1, units: 0 },
    ]);
    await db.query(`SELECT kpi_rebuild(ARRAY[$1]::uuid[])`, [unit.cityId]);
    expect(await days()).toEqual(maintained);
  });
}, 60000);
