import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { migrate } from '../../db/data-source.js';
import { createCity } from './factories.js';
import { ROOT, scratchDatabase, withDatabase } from './scratch-database.js';

/**
 * db/scripts/backup.sh and restore.sh on a database of their own (same server as the test database):
 * fill it, dump it, drop it, restore into a brand-new empty database, and compare every table's rows.
 */
const scratch = scratchDatabase('backup');
const targetUrl = scratch.url;

interface TableFingerprint {
  table: string;
  rows: number;
  md5: string;
}

/** Row count and an md5 over every row's text form (geometries as EWKB hex), for every table. */
async function fingerprint(db: DataSource): Promise<TableFingerprint[]> {
  const tables = await db.query<{ name: string }[]>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const result: TableFingerprint[] = [];
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${name} t`,
    );
    result.push({ table: name, ...row! });
  }
  return result;
}

function script(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', [`db/scripts/${name}`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: targetUrl },
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('backup.sh and restore.sh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schaufenster-backup-'));
  const file = join(dir, 'nested', 'schaufenster.dump');

  beforeAll(async () => {
    await scratch.recreate();
    await migrate(targetUrl);
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await scratch.drop();
  });

  it('dumps, and restores into an empty database with the same rows, geometries included', async () => {
    const before = await withDatabase(targetUrl, async (db) => {
      const city = await createCity(db, [11.03, 50.98]);
      const [storefront] = await db.query<{ id: string }[]>(
        `INSERT INTO storefronts (city_id, street, house_number, location, floor_area_m2, notes)
         VALUES ($1, 'Anger', '7a', ST_SetSRID(ST_MakePoint(11.0312345, 50.9787654), 4326), 84.5, 'Schaufenster „Ecke“ – ü')
         RETURNING id`,
        [city.id],
      );
      await db.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, business_name, valid_from, valid_to)
         VALUES ($1, $2, 'occupied', 'retail_daily', 'Bäckerei', '2019-01-01', '2022-07-01'),
                ($1, $2, 'vacant', NULL, NULL, '2022-07-01', NULL)`,
        [storefront!.id, city.id],
      );
      const [network] = await db.query<{ id: string }[]>(
        `INSERT INTO networks (slug, name) VALUES ('backup-test', 'Sicherungsnetz') RETURNING id`,
      );
      await db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [
        network!.id,
        city.id,
      ]);
      return fingerprint(db);
    });
    const rows = (t: string) => before.find((f) => f.table === `public.${t}`)?.rows;
    expect([rows('cities'), rows('storefronts'), rows('occupancy_periods'), rows('network_members')]).toEqual(
      [1, 1, 2, 1],
    );

    const backup = script('backup.sh', [file]);
    expect(backup).toMatchObject({ status: 0, stdout: `${file}\n` });
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);

    await scratch.recreate();
    expect(await withDatabase(targetUrl, fingerprint)).toEqual([]);

    const refused = script('restore.sh', [file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect(await withDatabase(targetUrl, fingerprint)).toEqual([]);

    const restore = script('restore.sh', [file, '--yes']);
    expect({ status: restore.status, stderr: restore.stderr }).toEqual({
      status: 0,
      stderr: expect.stringContaining('done'),
    });

    const after = await withDatabase(targetUrl, fingerprint);
    expect(after).toEqual(before);
    const location = await withDatabase(targetUrl, (db) =>
      db.query<{ wkt: string; srid: number }[]>(
        `SELECT ST_AsText(location) AS wkt, ST_SRID(location) AS srid FROM storefronts`,
      ),
    );
    expect(location).toEqual([{ wkt: 'POINT(11.0312345 50.9787654)', srid: 4326 }]);
  });

  it('restores over a database that has changed since, and it works afterwards (migrations up to date)', async () => {
    const before = await withDatabase(targetUrl, fingerprint);
    await withDatabase(targetUrl, (db) =>
      db.query(`DELETE FROM network_members; UPDATE storefronts SET notes = 'changed'`),
    );
    expect(await withDatabase(targetUrl, fingerprint)).not.toEqual(before);

    expect(script('restore.sh', [file, '--yes']).status).toBe(0);
    expect(await withDatabase(targetUrl, fingerprint)).toEqual(before);
    expect(await migrate(targetUrl)).toEqual([]);
  });

  it('refuses a file that is not a backup, and touches nothing', async () => {
    const before = await withDatabase(targetUrl, fingerprint);
    const bad = script('restore.sh', [resolve(ROOT, 'package.json'), '--yes']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/not a pg_dump custom-format archive/);
    expect(await withDatabase(targetUrl, fingerprint)).toEqual(before);
  });
});
