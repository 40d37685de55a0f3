import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Grant } from '../auth/viewer.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  disabled: boolean;
  /** Still on the temporary password an admin handed out. */
  mustChangePassword: boolean;
  grants: Grant[];
  createdAt: string;
  version: number;
}

const COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.is_admin AS "isAdmin", u.disabled,
  u.must_change_password AS "mustChangePassword",
  u.created_at AS "createdAt", u.version,
  COALESCE((SELECT json_agg(json_build_object('role', g.role, 'cityId', g.city_id, 'networkId', g.network_id)
                            ORDER BY g.role, g.city_id, g.network_id)
            FROM user_grants g WHERE g.user_id = u.id), '[]') AS grants`;

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  list(): Promise<User[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM users u ORDER BY u.email`);
  }

  async find(id: string, db: DataSource | EntityManager = this.db): Promise<User | null> {
    const rows = await db.query<User[]>(`SELECT ${COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async lockVersion(em: EntityManager, id: string): Promise<number | null> {
    const rows = await em.query<{ version: number }[]>(`SELECT version FROM users WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0]?.version ?? null;
  }

  async insert(
    em: EntityManager,
    u: { email: string; displayName: string; isAdmin: boolean; passwordHash: string },
  ): Promise<string> {
    const rows = await em.query<{ id: string }[]>(
      `INSERT INTO users (email, display_name, is_admin, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, true) RETURNING id`,
      [u.email, u.displayName, u.isAdmin, u.passwordHash],
    );
    return rows[0]!.id;
  }

  async update(
    em: EntityManager,
    id: string,
    u: { displayName?: string; isAdmin?: boolean; disabled?: boolean },
  ): Promise<void> {
    await em.query(
      `UPDATE users SET display_name = COALESCE($2, display_name), is_admin = COALESCE($3, is_admin),
              disabled = COALESCE($4, disabled), version = version + 1 WHERE id = $1`,
      [id, u.displayName ?? null, u.isAdmin ?? null, u.disabled ?? null],
    );
  }

  /** Serialises changes that may remove an administrator (held until the transaction ends). */
  async lockAdmins(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('schaufenster:admins'))`);
  }

  async countEnabledAdmins(em: EntityManager): Promise<number> {
    const [row] = await em.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users WHERE is_admin AND NOT disabled`,
    );
    return row!.n;
  }

  async setTemporaryPassword(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.query(
      `UPDATE users SET password_hash = $2, must_change_password = true, password_changed_at = now(),
              version = version + 1 WHERE id = $1`,
      [id, passwordHash],
    );
    await this.endSessions(em, id);
  }

  async replaceGrants(em: EntityManager, id: string, grants: Grant[]): Promise<void> {
    await em.query(`DELETE FROM user_grants WHERE user_id = $1`, [id]);
    for (const g of grants) {
      await em.query(`INSERT INTO user_grants (user_id, role, city_id, network_id) VALUES ($1, $2, $3, $4)`, [
        id,
        g.role,
        g.cityId,
        g.networkId,
      ]);
    }
  }

  /** Ends the user's sessions, and their devices' exemption from the account's sign-in limit. */
  async endSessions(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM sessions WHERE user_id = $1`, [id]);
    await em.query(`DELETE FROM sign_in_devices WHERE user_id = $1`, [id]);
  }
}
