import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the KPI engine (docs/kpis.md, "How it is computed"). The KPI queries read every period
 * of the requested towns' units in (storefront, valid_from) order for one window pass; this covering
 * index delivers them in that order from the index alone, so the planner needs neither a heap visit
 * per period nor a sort.
 */
export class AddKpiIndexes1763900000000 implements MigrationInterface {
  name = 'AddKpiIndexes1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX occupancy_periods_kpi ON occupancy_periods (city_id, storefront_id, valid_from)
        INCLUDE (valid_to, status, use_category)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS occupancy_periods_kpi`);
  }
}
