import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: Tile grid: per-town locks around the recount, and the coarse low-zoom level (being written). */
export class TileGridLocks1764800000000 implements MigrationInterface {
  name = 'TileGridLocks1764800000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
