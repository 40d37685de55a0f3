import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Grant } from './viewer.js';

export const SESSION_IDLE = '12 hours';
export const SESSION_ABSOLUTE = '7 days';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  csrfToken: string;
  grants: Grant[];
  /** Towns of the networks this user is a member of. */
  networkCityIds: string[];
}

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DataSource) {}

  async create(userId: string, token: string, csrfToken: string): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + interval '${SESSION_IDLE}')`,
      [tokenHash(token), userId, csrfToken],
    );
  }

  /** The signed-in user of a live session, sliding its idle expiry (at most every minute). */
  async resolve(token: string): Promise<SessionUser | null> {
    const hash = tokenHash(token);
    const rows = await this.db.query<SessionUser[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.is_admin AS "isAdmin", s.csrf_token AS "csrfToken",
              COALESCE((SELECT json_agg(json_build_object('role', g.role, 'cityId', g.city_id, 'networkId', g.network_id))
                        FROM user_grants g WHERE g.user_id = u.id), '[]') AS grants,
              COALESCE((SELECT array_agg(DISTINCT m.city_id) FROM user_grants g
                        JOIN network_members m ON m.network_id = g.network_id
                        WHERE g.user_id = u.id AND g.role = 'network_member'), '{}') AS "networkCityIds"
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [hash],
    );
    if (rows[0]) {
      await this.db.query(
        `UPDATE sessions SET last_seen_at = now(),
                expires_at = LEAST(now() + interval '${SESSION_IDLE}', created_at + interval '${SESSION_ABSOLUTE}')
         WHERE token_hash = $1 AND last_seen_at < now() - interval '1 minute'`,
        [hash],
      );
    }
    return rows[0] ?? null;
  }

  async delete(token: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash(token)]);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  }

  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE expires_at < now()`);
  }
}
