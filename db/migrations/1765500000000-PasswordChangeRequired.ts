import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password someone else has seen must be replaced at the next sign-in.
 *
 * Admins create accounts and reset passwords by handing out a temporary password, and the
 * installation's first admin gets one from `db/scripts/create-admin.ts`. Until now that password
 * stayed valid for good — known to the admin who read it out — and users had no way to choose their
 * own. `users.must_change_password` is set with every temporary password; while it is set, the API
 * answers only the session, sign-out and `POST /api/auth/password` for that user.
 */
export class PasswordChangeRequired1765500000000 implements MigrationInterface {
  name = 'PasswordChangeRequired1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    // Until now no one could change their own password: every existing one was made or read out by an
    // admin. Their owners choose their own at the next sign-in (the demo accounts' password is
    // published anyway; the demo seed keeps them as they are).
    await q.query(
      `UPDATE users SET must_change_password = true
       WHERE NOT disabled AND email NOT LIKE '%@demo.schaufenster.invalid'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
