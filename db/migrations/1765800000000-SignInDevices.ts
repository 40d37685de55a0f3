import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Devices an account has signed in from, so that a stranger's guesses cannot lock its owner out.
 *
 * The sign-in throttle refused an account after 50 failures within 15 minutes from all addresses
 * together — before the password was checked, so the owner with the right password too: anyone with
 * ten addresses could lock out a city manager or admin, again and again (security review). Now each
 * successful sign-in gives the browser a device cookie (`sf_device`, 90 days, OWASP's "device cookie"):
 * an attempt presenting a live one of the account is not held to the account-wide limit, only to 5
 * failures per device (and the 30 per address). Like a session, only the token's SHA-256 is stored.
 * The rows go with their user (ON DELETE CASCADE), when the user is disabled or their password is
 * reset or changed, and once expired by the hourly housekeeping. `sign_in_failures.device_hash` marks a
 * failure made with a live device cookie, counted per device.
 */
export class SignInDevices1765800000000 implements MigrationInterface {
  name = 'SignInDevices1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_devices (
        token_hash bytea PRIMARY KEY,
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sign_in_devices_user ON sign_in_devices (user_id)`);
    await q.query(`CREATE INDEX sign_in_devices_expiry ON sign_in_devices (expires_at)`);
    await q.query(`ALTER TABLE sign_in_failures ADD COLUMN device_hash bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sign_in_failures DROP COLUMN device_hash`);
    await q.query(`DROP TABLE sign_in_devices`);
  }
}
