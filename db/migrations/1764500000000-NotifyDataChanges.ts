import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change notifications for the API's in-memory caches (api/src/database/change-feed.ts).
 *
 * One channel, `schaufenster_changes`, with a topic as payload; PostgreSQL delivers a notification
 * when the writing transaction commits and folds repeats within a transaction into one.
 * - `tiles`: a town's tile data version moved (`tile_bump_versions`, called by the tile triggers of
 *   AddTileGrid for every statement that changes storefronts, periods, intervention links or towns).
 *   The API then reads the versions that are newer than the ones it knows.
 * - `auth`: who may see what may have changed — users, grants, network members, towns (open data),
 *   or a session ended or was cut short. The API forgets its cached sessions and open-data towns.
 */
const AUTH_TABLES: [table: string, ops: string][] = [
  ['users', 'UPDATE OR DELETE'],
  ['user_grants', 'INSERT OR UPDATE OR DELETE'],
  ['network_members', 'INSERT OR UPDATE OR DELETE'],
  ['cities', 'INSERT OR UPDATE OR DELETE'],
  ['sessions', 'DELETE'],
];

export class NotifyDataChanges1764500000000 implements MigrationInterface {
  name = 'NotifyDataChanges1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION tile_bump_versions(towns uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO tile_data_versions (city_id, version)
        SELECT t, nextval('tile_data_version_seq') FROM (SELECT DISTINCT t FROM unnest(towns) t ORDER BY 1) x
        WHERE EXISTS (SELECT 1 FROM cities c WHERE c.id = x.t)
        ON CONFLICT (city_id) DO UPDATE SET version = excluded.version;
        IF FOUND THEN PERFORM pg_notify('schaufenster_changes', 'tiles'); END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('schaufenster_changes', 'auth');
        RETURN NULL;
      END $$`);
    for (const [table, ops] of AUTH_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_notify_auth AFTER ${ops} ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()`);
    }
    // A session cut short (not the sliding extension every minute, which only ever lengthens it).
    await q.query(`
      CREATE TRIGGER sessions_notify_shortened AFTER UPDATE OF expires_at ON sessions
        FOR EACH ROW WHEN (NEW.expires_at < OLD.expires_at) EXECUTE FUNCTION notify_auth_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS sessions_notify_shortened ON sessions`);
    for (const [table] of AUTH_TABLES)
      await q.query(`DROP TRIGGER IF EXISTS ${table}_notify_auth ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS notify_auth_change()`);
    await q.query(`DROP FUNCTION tile_bump_versions(uuid[])`);
    await q.query(`
      CREATE FUNCTION tile_bump_versions(towns uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO tile_data_versions (city_id, version)
        SELECT t, nextval('tile_data_version_seq') FROM (SELECT DISTINCT t FROM unnest(towns) t ORDER BY 1) x
        WHERE EXISTS (SELECT 1 FROM cities c WHERE c.id = x.t)
        ON CONFLICT (city_id) DO UPDATE SET version = excluded.version
      $$`);
  }
}
