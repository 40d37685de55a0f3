import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: set-based checks for bulk imports (being written). */
export class FasterImportChecks1764600000000 implements MigrationInterface {
  name = 'FasterImportChecks1764600000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
