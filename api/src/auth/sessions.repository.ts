import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LruCache } from '../common/lru-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import type { Grant } from './viewer.js';

/**
 * Longer than 20 hours, so that the idle limit falls under WCAG 2.2.1's 20-hour exception (BITV 2.0):
 * a form left open overnight can still be saved next morning; no warning and extension is needed. The
 * absolute limit is longer still.
 */
export const SESSION_IDLE = '24 hours';
export const SESSION_ABSOLUTE = '7 days';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  /** Signed in with a temporary password: only the session, sign-out and a password change are answered. */
  mustChangePassword: boolean;
  csrfToken: string;
  grants: Grant[];
  /** Towns of the networks this user is a member of. */
  networkCityIds: string[];
}

/**
 * A session token's SHA-256 (what the database stores) and its base64 (the session and replay caches'
 * key), remembered for the last 1,000 tokens: a signed-in map view sends dozens of requests, and each
 * needed the hash up to five times (a tile: session, replay scope, replay record; ≈ 4 µs each).
 */
const hashed = new LruCache<{ hash: Buffer; key: string }>(1000);
function hashOf(token: string): { hash: Buffer; key: string } {
  return hashed.remember(token, () => {
    const hash = createHash('sha256').update(token).digest();
    return { hash, key: hash.toString('base64') };
  });
}
export const tokenHash = (token: string): Buffer => hashOf(token).hash;
export const tokenKey = (token: string): string => hashOf(token).key;

/** How long a resolved session may answer from memory before the database is asked again. */
const CACHE_MS = 30_000;

interface CachedSession {
  user: SessionUser;
  expiresAt: number;
  cachedAt: number;
}

/**
 * Sessions live in the database. Resolved sessions are kept in memory for up to CACHE_MS while the
 * ChangeFeed is live: any change to users, grants, networks, towns or a session's end (in any
 * process) empties the cache, and so does every signed-in write request of this process
 * (`forgetCached`); a session ended here (`delete`) leaves it at once.
 */
@Injectable()
export class SessionsRepository {
  private readonly cache = new LruCache<CachedSession>(10_000);
  /** Bumped whenever the cache is emptied: a read that started before must not fill it. */
  private generation = 0;
  private readonly forgetHandlers: (() => void)[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    feed.on('auth', () => this.forgetCached());
    feed.onResync(() => this.forgetCached());
  }

  forgetCached(): void {
    this.generation += 1;
    this.cache.clear();
    for (const handler of this.forgetHandlers) handler();
  }

  /** Other caches of per-viewer answers follow the session cache (TileReplay). */
  onForget(handler: () => void): void {
    this.forgetHandlers.push(handler);
  }

  /** `em`: inside a transaction of the caller's (a password change replaces the session). */
  async create(userId: string, token: string, csrfToken: string, em?: EntityManager): Promise<void> {
    await (em ?? this.db).query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + interval '${SESSION_IDLE}')`,
      [tokenHash(token), userId, csrfToken],
    );
  }

  /** The session's user from memory only (undefined when not cached, stale or the feed is down). */
  cachedUser(token: string): SessionUser | undefined {
    if (!this.feed.live) return undefined;
    const hit = this.cache.get(tokenKey(token));
    const now = Date.now();
    return hit && hit.cachedAt > now - CACHE_MS && hit.expiresAt > now ? hit.user : undefined;
  }

  /** The signed-in user of a live session, sliding its idle expiry (at most every minute). */
  async resolve(token: string): Promise<SessionUser | null> {
    const hash = tokenHash(token);
    const key = tokenKey(token);
    const cached = this.cachedUser(token);
    if (cached) return cached;
    const now = Date.now();
    const generation = this.generation;
    const rows = await this.db.query<(SessionUser & { expiresAt: Date })[]>(
      `SELECT s.expires_at AS "expiresAt", u.id, u.email, u.display_name AS "displayName", u.is_admin AS "isAdmin",
              u.must_change_password AS "mustChangePassword", s.csrf_token AS "csrfToken",
              COALESCE((SELECT json_agg(json_build_object('role', g.role, 'cityId', g.city_id, 'networkId', g.network_id))
                        FROM user_grants g WHERE g.user_id = u.id), '[]') AS grants,
              COALESCE((SELECT array_agg(DISTINCT m.city_id) FROM user_grants g
                        JOIN network_members m ON m.network_id = g.network_id
                        WHERE g.user_id = u.id AND g.role = 'network_member'), '{}') AS "networkCityIds"
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [hash],
    );
    const row = rows[0];
    if (!row) {
      this.cache.delete(key);
      return null;
    }
    const { expiresAt, ...user } = row;
    await this.db.query(
      `UPDATE sessions SET last_seen_at = now(),
              expires_at = LEAST(now() + interval '${SESSION_IDLE}', created_at + interval '${SESSION_ABSOLUTE}')
       WHERE token_hash = $1 AND last_seen_at < now() - interval '1 minute'`,
      [hash],
    );
    if (this.feed.live && generation === this.generation) {
      this.cache.set(key, { user, expiresAt: expiresAt.getTime(), cachedAt: now });
    }
    return user;
  }

  async delete(token: string): Promise<void> {
    this.cache.delete(tokenKey(token));
    await this.db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash(token)]);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  }

  /** Whether the token is a live session of the user (asked in the transaction that will change them). */
  async isLive(em: EntityManager, userId: string, token: string): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `SELECT 1 FROM sessions WHERE token_hash = $1 AND user_id = $2 AND expires_at > now()`,
      [tokenHash(token), userId],
    );
    return rows.length > 0;
  }

  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE expires_at < now()`);
  }
}
