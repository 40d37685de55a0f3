import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry's core: networks, towns, storefronts, their occupancy history and the
 * interventions towns try. Every town-owned table carries `city_id` so that the schema can be
 * distributed by town later (see docs/data-model.md). Periods are half-open: [valid_from, valid_to).
 */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE TABLE networks (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name        text NOT NULL CHECK (btrim(name) <> ''),
        description text,
        source      text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE cities (
        id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug                      text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name                      text NOT NULL CHECK (btrim(name) <> ''),
        official_name             text,
        ags                       char(8) NOT NULL UNIQUE CHECK (ags ~ '^[0-9]{8}$'),
        state                     text NOT NULL,
        population                integer CHECK (population >= 0),
        population_year           smallint CHECK (population_year BETWEEN 1900 AND 2100),
        population_source         text,
        boundary                  geometry(MultiPolygon, 4326),
        boundary_source           text,
        perimeter                 geometry(MultiPolygon, 4326),
        perimeter_is_placeholder  boolean NOT NULL DEFAULT true,
        centre                    geometry(Point, 4326) NOT NULL,
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now(),
        version                   integer NOT NULL DEFAULT 1,
        CONSTRAINT cities_boundary_valid CHECK (boundary IS NULL OR ST_IsValid(boundary)),
        CONSTRAINT cities_perimeter_valid CHECK (perimeter IS NULL OR ST_IsValid(perimeter)),
        CONSTRAINT cities_population_year CHECK ((population IS NULL) = (population_year IS NULL))
      )`);
    await q.query(`CREATE INDEX cities_boundary_gist ON cities USING gist (boundary)`);
    await q.query(`CREATE INDEX cities_perimeter_gist ON cities USING gist (perimeter)`);

    await q.query(`
      CREATE TABLE network_members (
        network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
        city_id    uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        PRIMARY KEY (network_id, city_id)
      )`);
    await q.query(`CREATE INDEX network_members_city ON network_members (city_id)`);

    await q.query(`
      CREATE TABLE storefronts (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id       uuid NOT NULL REFERENCES cities (id) ON DELETE RESTRICT,
        street        text NOT NULL CHECK (btrim(street) <> ''),
        house_number  text NOT NULL DEFAULT '',
        postcode      text CHECK (postcode ~ '^[0-9]{5}$'),
        location      geometry(Point, 4326) NOT NULL,
        floor_area_m2 numeric(9, 1) CHECK (floor_area_m2 > 0),
        frontage_m    numeric(6, 1) CHECK (frontage_m > 0),
        floor         text NOT NULL DEFAULT 'ground' CHECK (floor IN ('ground', 'upper', 'basement')),
        reference_id  text CHECK (btrim(reference_id) <> ''),
        notes         text,
        verified_at   timestamptz,
        is_synthetic  boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT storefronts_reference_unique UNIQUE (city_id, reference_id),
        CONSTRAINT storefronts_id_city UNIQUE (id, city_id),
        CONSTRAINT storefronts_location_range CHECK (
          ST_X(location) BETWEEN -180 AND 180 AND ST_Y(location) BETWEEN -90 AND 90)
      )`);
    await q.query(`CREATE INDEX storefronts_location_gist ON storefronts USING gist (location)`);
    await q.query(`CREATE INDEX storefronts_city ON storefronts (city_id)`);

    await q.query(`
      CREATE TABLE occupancy_periods (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        storefront_id uuid NOT NULL,
        city_id       uuid NOT NULL,
        status        text NOT NULL CHECK (status IN
                        ('occupied', 'vacant', 'temporary_use', 'under_renovation', 'not_lettable', 'demolished')),
        use_category  text CHECK (use_category IN
                        ('retail_comparison', 'retail_daily', 'food_drink', 'services', 'health',
                         'culture_leisure', 'public_social', 'other')),
        business_name text,
        valid_from    date NOT NULL,
        valid_to      date,
        note          text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (storefront_id, city_id) REFERENCES storefronts (id, city_id) ON DELETE CASCADE,
        CONSTRAINT occupancy_periods_order CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT occupancy_periods_category_only_in_use CHECK (
          use_category IS NULL OR status IN ('occupied', 'temporary_use')),
        CONSTRAINT occupancy_periods_no_overlap EXCLUDE USING gist (
          storefront_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
          DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(
      `CREATE INDEX occupancy_periods_city_dates ON occupancy_periods (city_id, valid_from, valid_to)`,
    );
    await q.query(
      `CREATE INDEX occupancy_periods_current ON occupancy_periods (storefront_id) WHERE valid_to IS NULL`,
    );

    // A storefront's history has no gaps: each period ends where the next begins and only the
    // last may be open. Checked at commit, so a multi-step correction may pass through a gap.
    await q.query(`
      CREATE FUNCTION check_occupancy_gap_free() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        sid uuid := COALESCE(NEW.storefront_id, OLD.storefront_id);
        gaps integer;
      BEGIN
        SELECT count(*) INTO gaps FROM (
          SELECT valid_to, lead(valid_from) OVER (ORDER BY valid_from) AS next_from
          FROM occupancy_periods WHERE storefront_id = sid
        ) p
        WHERE (p.next_from IS NOT NULL AND p.valid_to IS DISTINCT FROM p.next_from);
        IF gaps > 0 THEN
          RAISE EXCEPTION 'occupancy history of storefront % has a gap', sid
            USING ERRCODE = 'SF001', HINT = 'Each period must end on the day the next one starts.';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER occupancy_periods_gap_free
        AFTER INSERT OR UPDATE OR DELETE ON occupancy_periods
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION check_occupancy_gap_free()`);

    await q.query(`
      CREATE TABLE interventions (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id         uuid NOT NULL REFERENCES cities (id) ON DELETE RESTRICT,
        type            text NOT NULL CHECK (type IN
                          ('test_shop', 'pop_up', 'temporary_use', 'rent_subsidy', 'facade_programme',
                           'vacancy_exchange_listing', 'event', 'marketing', 'other')),
        title           text NOT NULL CHECK (btrim(title) <> ''),
        description     text,
        start_date      date,
        end_date        date,
        budget_eur      numeric(12, 2) CHECK (budget_eur >= 0),
        funding_source  text,
        partners        text,
        state           text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'running', 'ended')),
        lessons_learned text,
        is_synthetic    boolean NOT NULL DEFAULT false,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        search_vector   tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('german', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('german', coalesce(lessons_learned, '')), 'B') ||
          setweight(to_tsvector('german', coalesce(description, '')), 'C')) STORED,
        CONSTRAINT interventions_id_city UNIQUE (id, city_id),
        CONSTRAINT interventions_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        CONSTRAINT interventions_running_started CHECK (state = 'planned' OR start_date IS NOT NULL),
        CONSTRAINT interventions_ended_has_end CHECK (state <> 'ended' OR end_date IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX interventions_city ON interventions (city_id)`);
    await q.query(`CREATE INDEX interventions_search ON interventions USING gin (search_vector)`);

    await q.query(`
      CREATE TABLE intervention_storefronts (
        intervention_id uuid NOT NULL,
        storefront_id   uuid NOT NULL,
        city_id         uuid NOT NULL,
        PRIMARY KEY (intervention_id, storefront_id),
        FOREIGN KEY (intervention_id, city_id) REFERENCES interventions (id, city_id) ON DELETE CASCADE,
        FOREIGN KEY (storefront_id, city_id) REFERENCES storefronts (id, city_id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX intervention_storefronts_storefront ON intervention_storefronts (storefront_id)`,
    );

    await q.query(`
      CREATE TABLE intervention_outcome_checks (
        intervention_id        uuid NOT NULL,
        city_id                uuid NOT NULL,
        months_after_end       smallint NOT NULL CHECK (months_after_end IN (6, 12, 24)),
        checked_on             date,
        regular_lease_signed   boolean,
        business_still_trading boolean,
        note                   text,
        PRIMARY KEY (intervention_id, months_after_end),
        FOREIGN KEY (intervention_id, city_id) REFERENCES interventions (id, city_id) ON DELETE CASCADE
      )`);

    for (const table of ['networks', 'cities', 'storefronts', 'occupancy_periods', 'interventions']) {
      await q.query(
        `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS intervention_outcome_checks, intervention_storefronts, interventions,
      occupancy_periods, storefronts, network_members, cities, networks CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS check_occupancy_gap_free(), touch_updated_at()`);
  }
}
