import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: Faster import commit (being written) (being written). */
export class FasterImportCommit1764900000000 implements MigrationInterface {
  name = 'FasterImportCommit1764900000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
