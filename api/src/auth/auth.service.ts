import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { fieldError } from '../common/validation.js';
import { hashPassword, verifyPassword } from './password.js';
import { throttleAddress } from './throttle-address.js';
import { DEVICE_DAYS } from './session-cookie.js';
import { SessionsRepository, tokenHash, type SessionUser } from './sessions.repository.js';
import { TownResolver } from './town-resolver.js';
import { anonymousViewer, type Viewer } from './viewer.js';

/**
 * Sign-in throttling, per 15 minutes: 5 failures for an account from one address (a guesser), 50 for
 * an account from all addresses together (guessing spread over many), 30 from one address for all
 * accounts (one guesser trying many). Per account *and* address, so that a stranger's five wrong
 * passwords do not lock the owner out at their own desk. An attempt with a live device cookie of the
 * account (given by a successful sign-in on that browser) is held instead to 5 failures of that device
 * (and the address's 30): guesses spread over many addresses, which reach the account's 50, do not lock
 * the owner out either.
 */
const MAX_FAILURES_PER_EMAIL_AND_IP = 5;
const MAX_FAILURES_PER_EMAIL = 50;
const MAX_FAILURES_PER_IP = 30;
const MAX_FAILURES_PER_DEVICE = 5;
const FAILURE_WINDOW = '15 minutes';
/** Key spaces of the sign-in throttle's advisory locks, pg_advisory_xact_lock(space, hashtext(key)) (the tile grid's are 53460/53461). */
const LOCK_EMAIL = 53470;
const LOCK_ADDRESS = 53471;
/**
 * Failures (an e-mail and an address: personal data) are deleted once a day old: by each successful
 * sign-in and by the hourly housekeeping (api/src/housekeeping), also when nobody signs in.
 */
const FAILURE_RETENTION = '1 day';

export interface SignedIn {
  token: string;
  session: SessionUser;
  /** The browser's new device cookie (the one it sent, if any, is no longer valid). */
  deviceToken: string;
}

@Injectable()
export class AuthService {
  /** Compared against when the e-mail is unknown, so both cases take the same time. */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly towns: TownResolver,
    private readonly audit: AuditService,
  ) {}

  /** `device`: the device cookie the browser sent, if any. */
  async signIn(
    emailInput: string,
    password: string,
    clientAddress: string,
    device?: string,
  ): Promise<SignedIn> {
    const clientIp = throttleAddress(clientAddress);
    const email = emailInput.trim().toLowerCase();
    const deviceHash = device ? tokenHash(device) : null;
    await this.claimAttempt(email, clientIp, deviceHash);
    const rows = await this.db.query<{ id: string; passwordHash: string }[]>(
      `SELECT id, password_hash AS "passwordHash" FROM users WHERE email = $1 AND NOT disabled`,
      [email],
    );
    const user = rows[0];
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    // A failure keeps the attempt's row (claimAttempt); a success clears the e-mail's rows.
    if (!user || !ok) throw new DomainError('UNAUTHENTICATED', 'E-mail address or password is wrong.');
    // Only this address's and this device's failures go: a stranger's guesses elsewhere keep counting
    // towards the account's 50.
    await this.db.query(
      `DELETE FROM sign_in_failures
       WHERE (email = $1 AND client_ip = $2) OR device_hash = $3 OR at < now() - interval '${FAILURE_RETENTION}'`,
      [email, clientIp, deviceHash],
    );
    await this.sessions.purgeExpired();
    const token = randomBytes(32).toString('base64url');
    await this.sessions.create(user.id, token, randomBytes(24).toString('base64url'));
    const session = await this.sessions.resolve(token);
    if (!session) throw new DomainError('INTERNAL', 'The new session could not be read back.');
    return { token, session, deviceToken: await this.newDevice(this.db, user.id, deviceHash) };
  }

  /**
   * The signed-in user replaces their password (a temporary one, or their own). The current password is
   * checked under the sign-in throttle, against the stored hash locked for the change: an admin's reset
   * committing meanwhile is not overwritten (the check then fails, or waits for it). Every session of
   * the user ends — this one too, and a new one takes its place (a stolen cookie does not outlive the
   * change); the answer is the new session, as after sign-in.
   */
  async changePassword(
    user: { id: string; email: string },
    token: string,
    currentPassword: string,
    newPassword: string,
    clientAddress: string,
    device?: string,
  ): Promise<SignedIn> {
    const clientIp = throttleAddress(clientAddress);
    const deviceHash = device ? tokenHash(device) : null;
    await this.claimAttempt(user.email, clientIp, deviceHash);
    if (newPassword.normalize('NFC') === currentPassword.normalize('NFC')) {
      throw fieldError('newPassword', 'same_password', 'The new password must differ from the current one.');
    }
    const passwordHash = await hashPassword(newPassword); // costly: before the row is locked
    const newToken = randomBytes(32).toString('base64url');
    const deviceToken = await this.db.transaction(async (em) => {
      const [row] = await em.query<{ passwordHash: string }[]>(
        `SELECT password_hash AS "passwordHash" FROM users WHERE id = $1 AND NOT disabled FOR UPDATE`,
        [user.id],
      );
      if (!row || !(await this.sessions.isLive(em, user.id, token))) {
        throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
      }
      if (!(await verifyPassword(currentPassword, row.passwordHash))) {
        throw fieldError('currentPassword', 'wrong_password', 'The current password is wrong.');
      }
      // The account's version stays: it guards what admins edit (name, roles, disabling), which a
      // password change does not touch — an admin's open form must not fail with a conflict over it.
      await em.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now()
         WHERE id = $1`,
        [user.id, passwordHash],
      );
      await em.query(`DELETE FROM sessions WHERE user_id = $1`, [user.id]);
      await this.sessions.create(user.id, newToken, randomBytes(24).toString('base64url'), em);
      // The devices that knew the old password are no longer trusted; this one, which knew it now, is.
      await em.query(`DELETE FROM sign_in_devices WHERE user_id = $1`, [user.id]);
      const renewed = await this.newDevice(em, user.id, null);
      await this.audit.record(em, {
        cityId: null,
        entityType: 'user',
        entityId: user.id,
        action: 'update',
        before: null,
        after: { passwordChanged: true },
      });
      return renewed;
    });
    await this.db.query(
      `DELETE FROM sign_in_failures WHERE (email = $1 AND client_ip = $2) OR device_hash = $3`,
      [user.email, clientIp, deviceHash],
    );
    const session = await this.sessions.resolve(newToken);
    if (!session) throw new DomainError('INTERNAL', 'The new session could not be read back.');
    return { token: newToken, session, deviceToken };
  }

  signOut(token: string): Promise<void> {
    return this.sessions.delete(token);
  }

  /** After a write by this process: who may see what may have changed (see SessionsRepository). */
  forgetCached(): void {
    this.sessions.forgetCached();
    this.towns.forgetOpenData();
  }

  session(token: string | undefined): Promise<SessionUser | null> {
    return token ? this.sessions.resolve(token) : Promise.resolve(null);
  }

  async viewerFor(session: SessionUser | null): Promise<Viewer> {
    const openData = await this.towns.openDataCityIds();
    if (!session) return anonymousViewer(openData);
    // The session cache answers with the same object for up to 30 s (a new one after any change of
    // grants or sessions), and the open-data set is one object while towns stay the same: the viewer
    // built from both is kept with them rather than built anew for each of a map view's tiles.
    const kept = this.viewers.get(session);
    if (kept?.openDataCityIds === openData) return kept;
    const viewer = this.buildViewer(session, openData);
    this.viewers.set(session, viewer);
    return viewer;
  }

  private readonly viewers = new WeakMap<SessionUser, Viewer>();

  private buildViewer(session: SessionUser, openData: ReadonlySet<string>): Viewer {
    const user = {
      id: session.id,
      email: session.email,
      displayName: session.displayName,
      isAdmin: session.isAdmin && !session.mustChangePassword,
      mustChangePassword: session.mustChangePassword,
    };
    // A temporary password grants nothing beyond open data until it is replaced (the guard also refuses
    // every other route; this keeps paths without the guard — the tile lane — to open data too).
    if (session.mustChangePassword) {
      return {
        user,
        grants: [],
        readableCityIds: new Set(),
        editableCityIds: new Set(),
        openDataCityIds: openData,
      };
    }
    const own = session.grants.flatMap((g) => (g.cityId ? [g.cityId] : []));
    return {
      user,
      grants: session.grants,
      readableCityIds: session.isAdmin ? null : new Set([...own, ...session.networkCityIds]),
      editableCityIds: new Set(session.grants.filter((g) => g.role === 'city_editor').map((g) => g.cityId!)),
      openDataCityIds: openData,
    };
  }

  /** Deletes the failed sign-ins a day old (the hourly housekeeping). */
  async purgeOldFailures(): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_failures WHERE at < now() - interval '${FAILURE_RETENTION}'`);
  }

  /** Deletes the expired device cookies' rows (the hourly housekeeping). */
  async purgeExpiredDevices(): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_devices WHERE expires_at < now()`);
  }

  /**
   * A new device cookie for the browser that just signed in; the one it sent (`replaced`, whichever
   * account's) goes, since the new cookie overwrites it there. Only the token's SHA-256 is stored.
   */
  private async newDevice(
    db: Pick<DataSource, 'query'>,
    userId: string,
    replaced: Buffer | null,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    if (replaced) await db.query(`DELETE FROM sign_in_devices WHERE token_hash = $1`, [replaced]);
    await db.query(
      `INSERT INTO sign_in_devices (token_hash, user_id, expires_at)
       VALUES ($1, $2, now() + interval '${DEVICE_DAYS} days')`,
      [tokenHash(token), userId],
    );
    return token;
  }

  /**
   * Counts the recent failures and records this attempt as one before the password is checked (a
   * success clears them). Under a per-e-mail and a per-address lock, so that parallel attempts each see
   * the ones before them: no more than the limits reach the (costly) password check, however many
   * arrive at once — for one account, and from one address for many accounts. A refused attempt records
   * nothing (the wait does not grow while refused).
   */
  private async claimAttempt(email: string, clientIp: string, deviceHash: Buffer | null): Promise<void> {
    // One attempt per e-mail and one per address at a time through this check (transaction locks,
    // released at commit), so each sees the rows of the ones before it; the password check itself runs
    // after, in parallel. Always the e-mail's lock first, then the address's, each in its own key space
    // (the two-key form): no two attempts can wait for each other's lock.
    const refused = await this.db.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(${LOCK_EMAIL}, hashtext($1))`, [email]);
      await em.query(`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}, hashtext($1))`, [clientIp]);
      // A device's failures all carry its account's e-mail: the e-mail's lock serialises them too.
      const [row] = await em.query<
        { byEmailAndIp: number; byEmail: number; byIp: number; byDevice: number; knownDevice: boolean }[]
      >(
        `SELECT count(*) FILTER (WHERE email = $1 AND client_ip = $2)::int AS "byEmailAndIp",
                count(*) FILTER (WHERE email = $1)::int AS "byEmail",
                count(*) FILTER (WHERE client_ip = $2)::int AS "byIp",
                count(*) FILTER (WHERE device_hash = $3)::int AS "byDevice",
                EXISTS (SELECT 1 FROM sign_in_devices d JOIN users u ON u.id = d.user_id
                        WHERE d.token_hash = $3 AND u.email = $1 AND d.expires_at > now()) AS "knownDevice"
         FROM sign_in_failures WHERE at > now() - interval '${FAILURE_WINDOW}' AND (email = $1 OR client_ip = $2)`,
        [email, clientIp, deviceHash],
      );
      if (!row) throw new DomainError('INTERNAL', 'The sign-in throttle could not be read.');
      // A device of the account is held to its own failures instead of the account's (a stranger's,
      // from wherever they guess); the address's limit holds for everyone.
      const over = row.knownDevice
        ? row.byDevice >= MAX_FAILURES_PER_DEVICE
        : row.byEmailAndIp >= MAX_FAILURES_PER_EMAIL_AND_IP || row.byEmail >= MAX_FAILURES_PER_EMAIL;
      if (over || row.byIp >= MAX_FAILURES_PER_IP) return true;
      await em.query(`INSERT INTO sign_in_failures (email, client_ip, device_hash) VALUES ($1, $2, $3)`, [
        email,
        clientIp,
        row.knownDevice ? deviceHash : null,
      ]);
      return false;
    });
    if (refused) {
      throw new DomainError(
        'TOO_MANY_REQUESTS',
        'Too many failed sign-ins. Please wait 15 minutes and try again.',
      );
    }
  }
}
