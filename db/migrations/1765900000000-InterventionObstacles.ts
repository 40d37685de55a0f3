import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What stood in an intervention's way, from a fixed list, so that the knowledge base can say *why*
 * test shops or pop-ups did not work ("what already failed in five towns, the sixth need not try"):
 * free-text lessons cannot be counted across towns. Several per intervention, none by default; the
 * list is `INTERVENTION_OBSTACLES` in api/src/interventions/intervention.types.ts (docs/kpis.md,
 * "Obstacles"). The API stores each once, in the list's order.
 */
export class InterventionObstacles1765900000000 implements MigrationInterface {
  name = 'InterventionObstacles1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE interventions ADD COLUMN obstacles text[] NOT NULL DEFAULT '{}'
        CONSTRAINT interventions_obstacles_known CHECK (obstacles <@ ARRAY[
          'rent_level', 'owner', 'unit_condition', 'footfall', 'location', 'business_concept',
          'operator', 'funding', 'permits', 'awareness', 'other']::text[])`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interventions DROP COLUMN obstacles`);
  }
}
