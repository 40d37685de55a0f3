import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: pre-aggregates for KPI series at nation-wide scale (being written). */
export class KpiSeriesAggregates1764700000000 implements MigrationInterface {
  name = 'KpiSeriesAggregates1764700000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
