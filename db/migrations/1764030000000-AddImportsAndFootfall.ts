import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded storefront lists waiting for their column mapping, dry run and commit (`imports`), the
 * address key used to match imported rows to existing units, and hourly pedestrian counts per
 * counting location (`counting_locations`, `footfall_counts`). See docs/import-export.md.
 */
export class AddImportsAndFootfall1764030000000 implements MigrationInterface {
  name = 'AddImportsAndFootfall1764030000000';

  async up(q: QueryRunner): Promise<void> {
    // Parsed cells are kept server-side between upload and commit; expired imports can be purged.
    await q.query(`
      CREATE TABLE imports (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id     uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        owner_id    uuid REFERENCES users (id) ON DELETE CASCADE,
        file_name   text,
        format      text NOT NULL CHECK (format IN ('csv', 'xlsx', 'geojson')),
        status      text NOT NULL DEFAULT 'uploaded'
                    CHECK (status IN ('uploaded', 'mapped', 'committing', 'committed', 'failed')),
        headers     jsonb NOT NULL,
        rows        jsonb NOT NULL,
        row_count   integer NOT NULL CHECK (row_count >= 0),
        file_info   jsonb NOT NULL,
        mapping     jsonb,
        processed   integer NOT NULL DEFAULT 0,
        summary     jsonb,
        error       jsonb,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL DEFAULT now() + interval '7 days'
      )`);
    await q.query(`CREATE INDEX imports_city ON imports (city_id, created_at)`);
    await q.query(
      `CREATE TRIGGER imports_touch BEFORE UPDATE ON imports FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );

    // "Bahnhofstr. 12 a" and "Bahnhofstraße 12a" are one address: lower case, ß→ss, "str."→"strasse",
    // no spaces, dots or hyphens. Used for matching imported rows to existing units.
    await q.query(`
      CREATE FUNCTION normalised_address(street text, house_number text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(
                 regexp_replace(
                   replace(replace(replace(replace(lower(coalesce(street, '')), 'ß', 'ss'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'),
                   'str(\\.|\\M)', 'strasse', 'g'),
                 '[^a-z0-9]', '', 'g')
               || '|' || regexp_replace(lower(coalesce(house_number, '')), '[^a-z0-9]', '', 'g')
      $$`);
    await q.query(
      `CREATE INDEX storefronts_normalised_address ON storefronts (city_id, normalised_address(street, house_number))`,
    );

    await q.query(`
      CREATE TABLE counting_locations (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id    uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        name       text NOT NULL CHECK (btrim(name) <> ''),
        location   geometry(Point, 4326),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT counting_locations_name UNIQUE (city_id, name),
        CONSTRAINT counting_locations_id_city UNIQUE (id, city_id)
      )`);
    await q.query(`CREATE INDEX counting_locations_location ON counting_locations USING gist (location)`);

    // One row per location and hour (the hour's start, UTC). count is null during an outage.
    await q.query(`
      CREATE TABLE footfall_counts (
        location_id uuid NOT NULL,
        city_id     uuid NOT NULL,
        hour        timestamptz NOT NULL CHECK (date_trunc('hour', hour) = hour),
        count       integer CHECK (count >= 0),
        flags       text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (location_id, hour),
        FOREIGN KEY (location_id, city_id) REFERENCES counting_locations (id, city_id) ON DELETE CASCADE,
        CONSTRAINT footfall_outage_flagged CHECK (count IS NOT NULL OR 'outage' = ANY (flags))
      )`);
    await q.query(`CREATE INDEX footfall_counts_city_hour ON footfall_counts (city_id, hour)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS footfall_counts, counting_locations, imports CASCADE`);
    await q.query(`DROP INDEX IF EXISTS storefronts_normalised_address`);
    await q.query(`DROP FUNCTION IF EXISTS normalised_address(text, text)`);
  }
}
