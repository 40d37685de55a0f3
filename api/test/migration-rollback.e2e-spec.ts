import { migrate, migrations } from '../../db/data-source.js';
import { scratchDatabase, withDatabase } from './scratch-database.js';

/**
 * Rollback (docs/operations.md): db/scripts/migrate-down.ts reverts the last migration, every
 * migration's `down` removes exactly what its `up` created, and the schema can be rebuilt after it.
 */
const scratch = scratchDatabase('rollback');
const targetUrl = scratch.url;

/**
 * Every object of the public schema that the migrations own — columns, constraints, indexes, functions,
 * triggers — leaving out PostGIS's objects and TypeORM's own bookkeeping table (schema_migrations).
 */
const schemaObjects = (): Promise<string[]> =>
  withDatabase(targetUrl, async (db) => {
    const rows = await db.query<{ o: string }[]>(`
      SELECT format('column %s.%s %s', table_name, column_name, data_type) AS o FROM information_schema.columns
       WHERE table_schema = 'public'
         AND table_name NOT IN ('spatial_ref_sys', 'geometry_columns', 'geography_columns', 'schema_migrations')
      UNION ALL SELECT format('constraint %s %s', conrelid::regclass, conname) FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('spatial_ref_sys', 'schema_migrations')
      UNION ALL SELECT format('index %s', indexname) FROM pg_indexes
       WHERE schemaname = 'public' AND tablename NOT IN ('spatial_ref_sys', 'schema_migrations')
      UNION ALL SELECT format('function %s', p.oid::regprocedure) FROM pg_proc p
       WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      UNION ALL SELECT format('trigger %s %s', tgrelid::regclass, tgname) FROM pg_trigger WHERE NOT tgisinternal
      ORDER BY 1`);
    return rows.map((r) => r.o);
  });

beforeAll(() => scratch.recreate());
afterAll(() => scratch.drop());

it('reverts every migration, newest first, down to an empty schema, and applies them again', async () => {
  expect(await migrate(targetUrl)).toEqual(migrations.map((m) => m.name));
  const migrated = await schemaObjects();
  expect(migrated).toEqual(
    expect.arrayContaining(['column storefronts.location USER-DEFINED', 'index storefronts_location_gist']),
  );

  const dryRun = scratch.migrateDown();
  expect(dryRun.status).toBe(1);
  expect(dryRun.stderr).toContain(`would revert ${migrations.at(-1)!.name}`);
  expect(await schemaObjects()).toEqual(migrated);

  for (const migration of [...migrations].reverse()) {
    const run = scratch.migrateDown('--yes');
    expect({ status: run.status, stdout: run.stdout }).toEqual({
      status: 0,
      stdout: `[db] reverted ${migration.name}\n`,
    });
  }
  expect(await schemaObjects()).toEqual([]);

  expect(await migrate(targetUrl)).toEqual(migrations.map((m) => m.name));
  expect(await schemaObjects()).toEqual(migrated);
}, 240_000); // every migration down and up again, each a transaction of its own: minutes on a loaded machine
