import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets an import's commit reuse the plan of its dry run (docs/import-export.md, "Speed").
 *
 * - `import_data_versions`: per town a number from a global sequence, set anew by every statement that
 *   changes what an import plan reads — storefronts, occupancy periods, storefront contacts (all three
 *   by statement triggers over their transition tables) and the town row itself (boundary, perimeter).
 *   A dry run records the version it planned against; the commit reuses the plan only when the version
 *   is still the same, and it locks the town's version row first, so no other writer of the town can
 *   slip in between the check and the import's writes (such a writer waits for the import's commit,
 *   as it already waits on `tile_data_versions`). Own table rather than `tile_data_versions`: contacts
 *   are no tile data, and tile caches must not be invalidated by them.
 * - `import_plans`, `import_plan_rows`, `import_plan_periods`: the dry run's plan of an upload (one per
 *   upload): the summary and problems it answered, the rows to write (creates and updates only) and
 *   the periods of multi-row histories. UNLOGGED: a plan is a cache — after a crash it is gone and the
 *   commit plans again, as it does without a dry run. No foreign keys on the row tables (a per-row
 *   check would cost as much as the copy); rows go with their plan through the import code and with
 *   the town when a town is removed (`city_id`).
 * - The KPI statement triggers of FasterKpiAggregates read the periods and units they need by one index
 *   probe per unit (town and unit: `occupancy_periods_kpi`; unit: the storefronts' key) instead of joins
 *   the planner may answer by hashing whole tables or by probing the exclusion constraint's GiST index.
 *   `kpi_on_storefronts_v2` estimated the changed units at millions (a join of two transition tables)
 *   and hashed every period of every town, twice: 22.4 s for a statement that changed the floor area of
 *   31,250 units at L (20M periods), 5.8 s with the probes (back to back on a quiet machine); 1.8 s for
 *   the 6,250 units of the bench's second list at M, 0.24 s after. `kpi_on_periods_v2` (100,000 new
 *   units' periods at M): 2.6–2.8 s → 1.8–2.0 s. Only those joins change: the bodies are rewritten in
 *   place, and the migration stops if a function is not the one it expects; same statements, same
 *   results, as the KPI oracle tests check.
 */
type Rewrite = [from: string, to: string, times: number];

/** The lateral, fenced (OFFSET 0) probe of one table by the given condition. */
const probe = (table: string, alias: string, where: string): string =>
  `CROSS JOIN LATERAL (SELECT * FROM ${table} ${alias} WHERE ${where} OFFSET 0) ${alias}`;

const KPI_REWRITES: [fn: string, rewrites: Rewrite[]][] = [
  [
    'kpi_on_storefronts_v2',
    [
      ['SELECT n.id FROM new_storefronts n', 'SELECT n.id, n.city_id FROM new_storefronts n', 1],
      [
        'JOIN occupancy_periods p ON p.storefront_id = c.id',
        probe('occupancy_periods', 'p', 'p.city_id = c.city_id AND p.storefront_id = c.id'),
        2,
      ],
    ],
  ],
  [
    'kpi_on_periods_v2',
    [
      [
        `  JOIN occupancy_periods o ON o.city_id = u.city_id AND o.storefront_id = u.storefront_id
  JOIN storefronts s ON s.id = o.storefront_id AND s.inside_perimeter`,
        `  ${probe('storefronts', 's', 's.id = u.storefront_id AND s.inside_perimeter')}
  ${probe('occupancy_periods', 'o', 'o.city_id = u.city_id AND o.storefront_id = u.storefront_id')}`,
        3,
      ],
      [
        'FROM old_periods o JOIN storefronts s ON s.id = o.storefront_id WHERE s.inside_perimeter',
        `FROM old_periods o ${probe('storefronts', 's', 's.id = o.storefront_id AND s.inside_perimeter')}`,
        2,
      ],
    ],
  ],
];

/** Rewrites a KPI trigger function's body; each text must occur exactly as often as expected. */
async function rewriteKpiFunction(q: QueryRunner, fn: string, rewrites: Rewrite[]): Promise<void> {
  const [row] = (await q.query(`SELECT prosrc FROM pg_proc WHERE oid = '${fn}()'::regprocedure`)) as {
    prosrc: string;
  }[];
  let body = row!.prosrc;
  for (const [from, to, times] of rewrites) {
    const parts = body.split(from);
    if (parts.length - 1 !== times) {
      throw new Error(`${fn} has "${from}" ${parts.length - 1} times, not ${times}`);
    }
    body = parts.join(to);
  }
  if (body.includes('$kpi$')) throw new Error(`${fn} contains $kpi$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql
      SET jit = off SET work_mem = '64MB' AS $kpi$${body}$kpi$`);
}

const VERSIONED_TABLES = ['storefronts', 'occupancy_periods', 'storefront_contacts'] as const;

const OPS = [
  ['insert', 'INSERT', 'NEW TABLE AS new_rows'],
  ['update', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'DELETE', 'OLD TABLE AS old_rows'],
] as const;

/** The columns of `import_rows` (api/src/imports/import-staging.ts) that the writes read. */
const PLAN_ROW_COLUMNS = `
  line            integer NOT NULL,
  reference_id    text,
  street          text,
  house_number    text,
  postcode        text,
  floor_area_m2   numeric,
  frontage_m      numeric,
  floor           text,
  status          text,
  use_category    text,
  business_name   text,
  status_since    date,
  notes           text,
  owner_name      text,
  owner_phone     text,
  owner_email     text,
  asking_rent     numeric,
  geom            geometry(Point, 4326),
  multi           boolean NOT NULL,
  storefront_id   uuid,
  new_id          uuid,
  cur_id          uuid,
  new_status      text,
  new_category    text,
  new_business    text,
  change_date     date,
  history_action  text,
  action          text NOT NULL`;

export class FasterImportCommit1764900000000 implements MigrationInterface {
  name = 'FasterImportCommit1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE import_data_version_seq`);
    await q.query(`
      CREATE TABLE import_data_versions (
        city_id uuid PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
        version bigint NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION import_bump_data_versions(towns uuid[]) RETURNS void LANGUAGE sql AS $$
        -- the town write lock (TileGridLocks) before the version row, in every transaction alike
        SELECT lock_town_writes(towns);
        INSERT INTO import_data_versions (city_id, version)
        SELECT t, nextval('import_data_version_seq') FROM (SELECT DISTINCT t FROM unnest(towns) t ORDER BY 1) x
        WHERE EXISTS (SELECT 1 FROM cities c WHERE c.id = x.t)
        ON CONFLICT (city_id) DO UPDATE SET version = excluded.version
      $$`);
    await q.query(`
      CREATE FUNCTION import_on_town_data() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM import_bump_data_versions(ARRAY(SELECT DISTINCT city_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM import_bump_data_versions(
            ARRAY(SELECT city_id FROM new_rows UNION SELECT city_id FROM old_rows));
        ELSE
          PERFORM import_bump_data_versions(ARRAY(SELECT DISTINCT city_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    // Named so that they fire before the KPI and tile triggers of the same table (triggers fire in
    // name order): every writer takes the town's version rows in the same order.
    for (const table of VERSIONED_TABLES) {
      for (const [suffix, op, ref] of OPS) {
        await q.query(`
          CREATE TRIGGER ${table}_import_version_${suffix} AFTER ${op} ON ${table}
            REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION import_on_town_data()`);
      }
    }
    await q.query(`
      CREATE FUNCTION import_on_cities() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM import_bump_data_versions(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER cities_import_version AFTER UPDATE ON cities
        FOR EACH ROW EXECUTE FUNCTION import_on_cities()`);

    await q.query(`
      CREATE UNLOGGED TABLE import_plans (
        id           uuid PRIMARY KEY,
        import_id    uuid NOT NULL UNIQUE REFERENCES imports (id) ON DELETE CASCADE,
        city_id      uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        format       integer NOT NULL,
        data_version bigint NOT NULL,
        mapping      jsonb NOT NULL,
        outcome      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE UNLOGGED TABLE import_plan_rows (
        plan_id uuid NOT NULL,
        city_id uuid NOT NULL,
        ${PLAN_ROW_COLUMNS}
      )`);
    await q.query(`CREATE INDEX import_plan_rows_plan ON import_plan_rows (plan_id)`);
    await q.query(`
      CREATE UNLOGGED TABLE import_plan_periods (
        plan_id       uuid NOT NULL,
        city_id       uuid NOT NULL,
        storefront_id uuid NOT NULL,
        period_id     uuid,
        status        text NOT NULL,
        use_category  text,
        business_name text,
        valid_from    date NOT NULL,
        valid_to      date
      )`);
    await q.query(`CREATE INDEX import_plan_periods_plan ON import_plan_periods (plan_id)`);
    for (const [fn, rewrites] of KPI_REWRITES) await rewriteKpiFunction(q, fn, rewrites);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [fn, rewrites] of KPI_REWRITES) {
      await rewriteKpiFunction(
        q,
        fn,
        rewrites.map(([from, to, times]) => [to, from, times]),
      );
    }
    await q.query(`DROP TABLE IF EXISTS import_plan_periods, import_plan_rows, import_plans`);
    await q.query(`DROP TRIGGER IF EXISTS cities_import_version ON cities`);
    for (const table of VERSIONED_TABLES) {
      for (const [suffix] of OPS) {
        await q.query(`DROP TRIGGER IF EXISTS ${table}_import_version_${suffix} ON ${table}`);
      }
    }
    await q.query(`DROP FUNCTION IF EXISTS import_on_cities(), import_on_town_data()`);
    await q.query(`DROP FUNCTION IF EXISTS import_bump_data_versions(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS import_data_versions`);
    await q.query(`DROP SEQUENCE IF EXISTS import_data_version_seq`);
  }
}
