import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a town's storefronts include synthetic demo data (`isSynthetic` of /api/cities, which every
 * page of the dashboard reads) is one index lookup per town.
 *
 * `EXISTS (… WHERE city_id = c.id AND is_synthetic)` found its answer at once where there are demo
 * units, but in a real installation — none — read every unit of every town from the table: 1.3–2 s per
 * request at 5 million units (benchmark size L). The partial index holds only the synthetic units, so
 * it is empty there and the answer costs nothing.
 */
export class SyntheticTownsIndex1765600000000 implements MigrationInterface {
  name = 'SyntheticTownsIndex1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX storefronts_synthetic_city ON storefronts (city_id) WHERE is_synthetic`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX storefronts_synthetic_city`);
  }
}
