import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Only the end of a live session notifies `auth`, not the purge of expired ones.
 *
 * NotifyDataChanges put a statement trigger on `DELETE ON sessions`. Every sign-in first runs
 * `DELETE FROM sessions WHERE expires_at < now()` (AuthService.signIn), and a statement trigger fires
 * even when no row goes — so every sign-in, in any process, emptied every process's session cache,
 * open-data towns and tile replays (a Monday morning of sign-ins meant a database round trip per
 * request again). An expired session needs no notification: the session cache never serves a
 * session past its expiry (SessionsRepository.cachedUser). So the trigger is now per row, for rows
 * whose session had not yet expired: a sign-out, a user removed or their password changed.
 * PostgreSQL folds the repeats within a transaction into one notification.
 */
export class QuietSessionPurge1765300000000 implements MigrationInterface {
  name = 'QuietSessionPurge1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER sessions_notify_auth ON sessions`);
    await q.query(`
      CREATE TRIGGER sessions_notify_ended AFTER DELETE ON sessions
        FOR EACH ROW WHEN (OLD.expires_at > now()) EXECUTE FUNCTION notify_auth_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER sessions_notify_ended ON sessions`);
    await q.query(`
      CREATE TRIGGER sessions_notify_auth AFTER DELETE ON sessions
        FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()`);
  }
}
