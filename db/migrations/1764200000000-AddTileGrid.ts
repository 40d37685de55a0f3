import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-aggregated low-zoom tiles and a cheap tile fingerprint (docs/benchmarks.md, api/src/tiles).
 *
 * - `tile_grid_cells`: per town and fine grid cell (the cells of zoom 10 tiles, 32 per tile edge,
 *   ≈ 1.2 km; cell (ix, iy) counted from the north-west corner of EPSG:3857) the units per status
 *   on `computed_on`, and `stale_from`, the first later day on which a unit of the cell changes
 *   status by data already recorded. The counts are exact for every date in
 *   [computed_on, stale_from). A cell of zoom z ≤ 10 is the sum of 2^(10−z) × 2^(10−z) fine cells.
 * - Maintenance: statement-level triggers queue the cells (old and new locations) of the units a
 *   statement touched in `tile_grid_dirty`; a deferred constraint trigger recounts the queued cells
 *   once at commit (a bulk write in one transaction recounts each cell once).
 * - `tile_data_versions`: per town a number from a global sequence, set anew by every statement
 *   that changes the town's storefronts, periods, intervention links or the town itself. The
 *   largest version of a set of towns changes whenever any of their data changes: the tiles' ETag.
 */
const WORLD = 40075016.685578488;
/** Fine cells per world edge: 2^10 tiles × 32 cells. */
const CELLS = 32768;
const CELL = `(${WORLD}::float8 / ${CELLS})`;
const IX = (p: string): string => `floor((ST_X(${p}) + ${WORLD / 2}) / ${CELL})::int`;
const IY = (p: string): string => `floor((${WORLD / 2} - ST_Y(${p})) / ${CELL})::int`;
const STATUSES = ['occupied', 'vacant', 'temporary_use', 'under_renovation', 'not_lettable', 'demolished'];

/** Counts per (town, cell) over `storefronts s` restricted by `where`, as of current_date. */
const COUNT_CELLS = (where: string): string => `
  SELECT s.city_id, c.ix, c.iy,
         ${STATUSES.map((st) => `count(*) FILTER (WHERE cur.status = '${st}')::int`).join(', ')},
         current_date, min(nxt.day)
  FROM storefronts s
  CROSS JOIN LATERAL (SELECT ${IX('p')} AS ix, ${IY('p')} AS iy FROM ST_Transform(s.location, 3857) p) c
  LEFT JOIN LATERAL (
    SELECT o.status FROM occupancy_periods o
    WHERE o.storefront_id = s.id AND o.valid_from <= current_date AND (o.valid_to IS NULL OR o.valid_to > current_date)
  ) cur ON true
  LEFT JOIN LATERAL (
    SELECT min(b.day) AS day FROM occupancy_periods o CROSS JOIN LATERAL (VALUES (o.valid_from), (o.valid_to)) b(day)
    WHERE o.storefront_id = s.id AND b.day > current_date
  ) nxt ON true
  WHERE ${where}
  GROUP BY 1, 2, 3`;

export class AddTileGrid1764200000000 implements MigrationInterface {
  name = 'AddTileGrid1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tile_grid_cells (
        city_id     uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        ix          int NOT NULL,
        iy          int NOT NULL,
        ${STATUSES.map((s) => `${s} int NOT NULL`).join(',\n        ')},
        computed_on date NOT NULL,
        stale_from  date,
        PRIMARY KEY (city_id, ix, iy)
      )`);
    await q.query(`CREATE INDEX tile_grid_cells_xy ON tile_grid_cells (ix, iy)`);
    await q.query(`
      CREATE TABLE tile_grid_dirty (
        city_id uuid NOT NULL,
        ix      int NOT NULL,
        iy      int NOT NULL,
        PRIMARY KEY (city_id, ix, iy)
      )`);

    await q.query(`
      CREATE FUNCTION tile_grid_recount(cells jsonb) RETURNS void LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      BEGIN
        DELETE FROM tile_grid_cells g USING jsonb_to_recordset(cells) AS d(city_id uuid, ix int, iy int)
         WHERE g.city_id = d.city_id AND g.ix = d.ix AND g.iy = d.iy;
        INSERT INTO tile_grid_cells
        SELECT x.* FROM jsonb_to_recordset(cells) AS d(city_id uuid, ix int, iy int)
        CROSS JOIN LATERAL (${COUNT_CELLS(`s.city_id = d.city_id
            AND s.location && ST_Transform(ST_MakeEnvelope(
                  d.ix * ${CELL} - ${WORLD / 2} - 1, ${WORLD / 2} - (d.iy + 1) * ${CELL} - 1,
                  (d.ix + 1) * ${CELL} - ${WORLD / 2} + 1, ${WORLD / 2} - d.iy * ${CELL} + 1, 3857), 4326)`)}
        ) x
        WHERE x.ix = d.ix AND x.iy = d.iy
        ORDER BY 1, 2, 3;
      END $$`);
    await q.query(`
      CREATE FUNCTION tile_grid_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM tile_grid_cells;
        INSERT INTO tile_grid_cells ${COUNT_CELLS('true')};
      END $$`);
    await q.query(`
      CREATE FUNCTION tile_grid_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        cells jsonb;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM tile_grid_dirty WHERE city_id = NEW.city_id AND ix = NEW.ix AND iy = NEW.iy) THEN
          RETURN NULL;
        END IF;
        WITH d AS (DELETE FROM tile_grid_dirty RETURNING city_id, ix, iy)
        SELECT jsonb_agg(d) INTO cells FROM d;
        PERFORM tile_grid_recount(cells);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER tile_grid_dirty_flush AFTER INSERT ON tile_grid_dirty
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tile_grid_flush()`);

    // ---- versions ----
    await q.query(`CREATE SEQUENCE tile_data_version_seq`);
    await q.query(`
      CREATE TABLE tile_data_versions (
        city_id uuid PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
        version bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX tile_data_versions_version ON tile_data_versions (version)`);
    await q.query(`
      CREATE FUNCTION tile_bump_versions(towns uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO tile_data_versions (city_id, version)
        SELECT t, nextval('tile_data_version_seq') FROM (SELECT DISTINCT t FROM unnest(towns) t ORDER BY 1) x
        WHERE EXISTS (SELECT 1 FROM cities c WHERE c.id = x.t)
        ON CONFLICT (city_id) DO UPDATE SET version = excluded.version
      $$`);

    /** Cells of the given rows' locations (storefronts) or of their units' locations (periods). */
    const queueCells = (rows: string, storefronts: boolean): string => `
        INSERT INTO tile_grid_dirty (city_id, ix, iy)
        SELECT DISTINCT s.city_id, ${IX('ST_Transform(s.location, 3857)')}, ${IY('ST_Transform(s.location, 3857)')}
        FROM ${storefronts ? `${rows} s` : `(SELECT DISTINCT storefront_id FROM ${rows}) r JOIN storefronts s ON s.id = r.storefront_id`}
        ORDER BY 1, 2, 3
        ON CONFLICT DO NOTHING;
        PERFORM tile_bump_versions(ARRAY(SELECT city_id FROM ${rows}));`;
    for (const [table, isStorefronts] of [
      ['storefronts', true],
      ['occupancy_periods', false],
    ] as const) {
      await q.query(`
        CREATE FUNCTION tile_on_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN ${queueCells('new_rows', isStorefronts)} END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN ${queueCells('old_rows', isStorefronts)} END IF;
          RETURN NULL;
        END $$`);
      for (const [op, ref] of [
        ['INSERT', 'NEW TABLE AS new_rows'],
        ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
        ['DELETE', 'OLD TABLE AS old_rows'],
      ] as const) {
        await q.query(`
          CREATE TRIGGER ${table}_tiles_${op.toLowerCase()} AFTER ${op} ON ${table}
            REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION tile_on_${table}()`);
      }
    }
    await q.query(`
      CREATE FUNCTION tile_on_links() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN PERFORM tile_bump_versions(ARRAY[OLD.city_id]);
        ELSE PERFORM tile_bump_versions(ARRAY[NEW.city_id]); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER intervention_storefronts_tiles AFTER INSERT OR UPDATE OR DELETE ON intervention_storefronts
        FOR EACH ROW EXECUTE FUNCTION tile_on_links()`);
    await q.query(`
      CREATE FUNCTION tile_on_cities() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM tile_bump_versions(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER cities_tiles AFTER UPDATE ON cities FOR EACH ROW EXECUTE FUNCTION tile_on_cities()`);

    await q.query(`SELECT tile_grid_rebuild()`);
    await q.query(`SELECT tile_bump_versions(ARRAY(SELECT id FROM cities))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS cities_tiles ON cities`);
    await q.query(`DROP TRIGGER IF EXISTS intervention_storefronts_tiles ON intervention_storefronts`);
    for (const table of ['storefronts', 'occupancy_periods']) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER IF EXISTS ${table}_tiles_${op} ON ${table}`);
      }
    }
    await q.query(`DROP TABLE IF EXISTS tile_data_versions, tile_grid_dirty, tile_grid_cells`);
    await q.query(`DROP SEQUENCE IF EXISTS tile_data_version_seq`);
    await q.query(`DROP FUNCTION IF EXISTS tile_on_cities(), tile_on_links(), tile_on_occupancy_periods(),
      tile_on_storefronts(), tile_bump_versions(uuid[]), tile_grid_flush(), tile_grid_rebuild(),
      tile_grid_recount(jsonb)`);
  }
}
