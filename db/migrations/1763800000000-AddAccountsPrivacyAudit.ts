import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts with roles per town or network, server-side sessions, a per-town open-data switch,
 * personal data of storefronts kept in their own table, and an append-only audit trail.
 */
export class AddAccountsPrivacyAudit1763800000000 implements MigrationInterface {
  name = 'AddAccountsPrivacyAudit1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cities ADD COLUMN open_data boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE users (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email               text NOT NULL CHECK (email = lower(btrim(email)) AND email ~ '^[^@\\s]+@[^@\\s]+$'),
        display_name        text NOT NULL CHECK (btrim(display_name) <> ''),
        password_hash       text NOT NULL,
        is_admin            boolean NOT NULL DEFAULT false,
        disabled            boolean NOT NULL DEFAULT false,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer NOT NULL DEFAULT 1,
        CONSTRAINT users_email_unique UNIQUE (email)
      )`);
    await q.query(
      `CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );

    // A grant gives one role in one town (city_editor, viewer) or one network (network_member).
    await q.query(`
      CREATE TABLE user_grants (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role       text NOT NULL CHECK (role IN ('city_editor', 'network_member', 'viewer')),
        city_id    uuid REFERENCES cities (id) ON DELETE CASCADE,
        network_id uuid REFERENCES networks (id) ON DELETE CASCADE,
        CONSTRAINT user_grants_scope CHECK (
          (role IN ('city_editor', 'viewer') AND city_id IS NOT NULL AND network_id IS NULL) OR
          (role = 'network_member' AND network_id IS NOT NULL AND city_id IS NULL)),
        CONSTRAINT user_grants_unique UNIQUE NULLS NOT DISTINCT (user_id, role, city_id, network_id)
      )`);
    await q.query(`CREATE INDEX user_grants_user ON user_grants (user_id)`);

    await q.query(`
      CREATE TABLE sessions (
        token_hash   bytea PRIMARY KEY,
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_id)`);
    await q.query(`CREATE INDEX sessions_expiry ON sessions (expires_at)`);

    await q.query(`
      CREATE TABLE sign_in_failures (
        id         bigserial PRIMARY KEY,
        email      text NOT NULL,
        client_ip  text NOT NULL,
        at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sign_in_failures_recent ON sign_in_failures (email, at)`);
    await q.query(`CREATE INDEX sign_in_failures_ip ON sign_in_failures (client_ip, at)`);

    // Personal data (landlord contact, asking rent) lives apart from storefronts, so that no public
    // query can select it by accident; deleting the row removes it for good.
    await q.query(`
      CREATE TABLE storefront_contacts (
        storefront_id        uuid PRIMARY KEY,
        city_id              uuid NOT NULL,
        owner_name           text,
        owner_phone          text,
        owner_email          text,
        asking_rent_eur_month numeric(10, 2) CHECK (asking_rent_eur_month >= 0),
        note                 text,
        updated_at           timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (storefront_id, city_id) REFERENCES storefronts (id, city_id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE TRIGGER storefront_contacts_touch BEFORE UPDATE ON storefront_contacts FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );

    await q.query(`
      CREATE TABLE audit_log (
        id          bigserial PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        user_id     uuid REFERENCES users (id) ON DELETE SET NULL,
        user_email  text,
        city_id     uuid,
        entity_type text NOT NULL,
        entity_id   uuid NOT NULL,
        action      text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        before      jsonb,
        after       jsonb,
        request_id  text
      )`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (entity_id, at)`);
    await q.query(`CREATE INDEX audit_log_city ON audit_log (city_id, at)`);
    // Append-only: rows cannot be changed or deleted (the user_id FK's SET NULL is the one exception).
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL AND OLD.user_id IS NOT NULL
           AND (NEW.id, NEW.at, NEW.entity_id, NEW.action, NEW.before, NEW.after)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.entity_id, OLD.action, OLD.before, OLD.after) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'SF002';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE IF EXISTS audit_log, storefront_contacts, sign_in_failures, sessions, user_grants, users CASCADE`,
    );
    await q.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
    await q.query(`ALTER TABLE cities DROP COLUMN IF EXISTS open_data`);
  }
}
