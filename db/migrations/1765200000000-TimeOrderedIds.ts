import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New storefronts and occupancy periods get time-ordered ids: UUID version 7 (RFC 9562: 48 bits of
 * Unix time in milliseconds, then random bits), made by `uuid_v7()` from `gen_random_uuid()` (PostgreSQL
 * 15 has no built-in; 18 has `uuidv7()`). Same type, same uniqueness; old ids stay as they are.
 *
 * Why (docs/import-export.md, "Speed"): a bulk write with random ids puts every row into a random
 * leaf page of each index that leads with an id — the storefronts' key, the periods' key and their
 * indexes by unit (`occupancy_periods_unit`, `_current`). With 5 M units and 20 M periods (L) those pages
 * are mostly not in memory, so each row read index pages from disk: 100,000 new units' storefronts and
 * periods took 16–19 s there in rolled-back transactions, 10–12 s with time-ordered ids, whose rows go
 * to the right-hand end of those indexes. At S (everything in memory) the difference is within noise.
 *
 * The ids now tell when a record was created (to the millisecond) — which the audit trail records
 * anyway; a storefront's creation time is no personal data.
 */
const UUID_V7 = `
  CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
    -- the first 48 bits: milliseconds since 1970; bits 52 and 53 turn version 4 (0100) into 7 (0111)
    SELECT encode(
             set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                                     PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                                     FROM 1 FOR 6), 52, 1), 53, 1),
             'hex')::uuid
  $$`;

const TABLES = ['storefronts', 'occupancy_periods'] as const;

export class TimeOrderedIds1765200000000 implements MigrationInterface {
  name = 'TimeOrderedIds1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(UUID_V7);
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ALTER COLUMN id SET DEFAULT uuid_v7()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
    }
    await q.query(`DROP FUNCTION uuid_v7()`);
  }
}
