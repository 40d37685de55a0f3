import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail's snapshots (`audit_log.before`, `audit_log.after`) become `json` instead of `jsonb`
 * (docs/security.md, "Audit trail"; docs/import-export.md, "Speed").
 *
 * A snapshot is written once and only ever read whole (`GET …/changes`); nothing queries inside it.
 * `json` stores the text as written, after a syntax check; `jsonb` converts every document into its
 * binary form and sorts its keys. Building the snapshots of 100,000 imported units as `jsonb` cost ~2 s
 * of the ~3.5 s the audit rows take at S; as `json` 0.6–1.1 s less (back to back, rolled-back
 * transactions). Readers get the same object (node-postgres parses both); keys of new records keep the
 * order in which they were written. Existing rows are converted: the table is rewritten once, under an
 * exclusive lock, so every write waits while it runs (on a large installation: deploy in a quiet hour).
 *
 * `json` has no equality operator, so the append-only trigger's one exception — the database setting
 * a removed user's id to NULL — now compares the snapshots as text (the stored text, exactly as
 * written), and it compares every other column too: until now a statement that cleared `user_id` could
 * also change the e-mail, town, entity type or request id unnoticed.
 */
const appendOnly = (snapshot: (column: string) => string, columns: string[]): string => {
  const row = (alias: string): string =>
    columns
      .map((c) => (c === 'before' || c === 'after' ? snapshot(`${alias}.${c}`) : `${alias}.${c}`))
      .join(', ');
  return `
  CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL AND OLD.user_id IS NOT NULL
       AND (${row('NEW')}) IS NOT DISTINCT FROM (${row('OLD')}) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'SF002';
  END $$`;
};
/** Every column but `user_id`. */
const ALL_BUT_USER = [
  'id',
  'at',
  'user_email',
  'city_id',
  'entity_type',
  'entity_id',
  'action',
  'before',
  'after',
  'request_id',
];
/** The columns the function of AddAccountsPrivacyAudit compared. */
const FIRST_COLUMNS = ['id', 'at', 'entity_id', 'action', 'before', 'after'];

export class AuditSnapshotsAsJson1765100000000 implements MigrationInterface {
  name = 'AuditSnapshotsAsJson1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log
        ALTER COLUMN before TYPE json USING before::json,
        ALTER COLUMN after TYPE json USING after::json`);
    await q.query(appendOnly((column) => `${column}::text`, ALL_BUT_USER));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log
        ALTER COLUMN before TYPE jsonb USING before::jsonb,
        ALTER COLUMN after TYPE jsonb USING after::jsonb`);
    await q.query(appendOnly((column) => column, FIRST_COLUMNS));
  }
}
