import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail's snapshots (`audit_log.before`, `audit_log.after`) become `json` instead of `jsonb`
 * (docs/data-model.md, "Audit trail"; docs/import-export.md, "Speed").
 *
 * A snapshot is written once and only ever read whole (`GET …/audit`); nothing queries inside it. `json`
 * stores the text as written, after a syntax check; `jsonb` converts every document into its binary
 * form and sorts its keys. Building the snapshots of 100,000 imported units as `jsonb` cost ~2 s of the
 * ~3.5 s the audit rows take at S; as `json` 0.6–1.1 s less (back to back, rolled-back transactions).
 * What readers get is the same object (node-postgres parses both); keys now keep the order in which
 * they were written. Existing rows are converted (the table is rewritten once; the append-only trigger
 * fires on UPDATE and DELETE, not on a type change). `json` has no equality operator, so the
 * append-only trigger's one exception (a deleted user's id set to NULL, all else unchanged) compares
 * the snapshots as text — the stored text, exactly as written.
 */
const appendOnly = (snapshot: (column: string) => string): string => `
  CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL AND OLD.user_id IS NOT NULL
       AND (NEW.id, NEW.at, NEW.entity_id, NEW.action, ${snapshot('NEW.before')}, ${snapshot('NEW.after')})
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.entity_id, OLD.action, ${snapshot('OLD.before')}, ${snapshot('OLD.after')}) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'SF002';
  END $$`;

export class AuditSnapshotsAsJson1765100000000 implements MigrationInterface {
  name = 'AuditSnapshotsAsJson1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log
        ALTER COLUMN before TYPE json USING before::json,
        ALTER COLUMN after TYPE json USING after::json`);
    await q.query(appendOnly((column) => `${column}::text`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log
        ALTER COLUMN before TYPE jsonb USING before::jsonb,
        ALTER COLUMN after TYPE jsonb USING after::jsonb`);
    await q.query(appendOnly((column) => column));
  }
}
