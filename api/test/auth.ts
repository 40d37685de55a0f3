import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/password.js';
import type { Role } from '../src/auth/viewer.js';
import type { TestApp } from './app.js';
import { settled } from './settled.js';

export interface TestGrant {
  role: Role;
  cityId?: string;
  networkId?: string;
}

/** A signed-in client: every request carries the session cookie and the CSRF token. */
export interface Agent {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
  email: string;
  userId: string;
}

const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

export async function createUser(
  db: DataSource,
  grants: TestGrant[],
  isAdmin = false,
): Promise<{ id: string; email: string; password: string }> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `user-${randomUUID()}@test.example`;
  const [user] = await db.query<{ id: string }[]>(
    `INSERT INTO users (email, display_name, password_hash, is_admin) VALUES ($1, 'Test User', $2, $3) RETURNING id`,
    [email, await passwordHash, isAdmin],
  );
  for (const g of grants) {
    await db.query(`INSERT INTO user_grants (user_id, role, city_id, network_id) VALUES ($1, $2, $3, $4)`, [
      user!.id,
      g.role,
      g.cityId ?? null,
      g.networkId ?? null,
    ]);
  }
  return { id: user!.id, email, password: PASSWORD };
}

export async function signIn(t: TestApp, email: string, password: string): Promise<Agent> {
  const res = await request(t.http).post('/api/auth/sign-in').send({ email, password }).expect(200);
  return agentOf(t, res, email);
}

/** The client of the session an answer set (sign-in, or a password change, which replaces the session). */
export function agentOf(t: TestApp, res: request.Response, email: string): Agent {
  const cookie = (res.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
  const csrf = res.body.csrfToken as string;
  const wrap = (test: request.Test) => test.set('Cookie', cookie).set('X-CSRF-Token', csrf);
  return {
    get: (url) => wrap(request(t.http).get(url)),
    post: (url) => wrap(request(t.http).post(url)),
    put: (url) => wrap(request(t.http).put(url)),
    patch: (url) => wrap(request(t.http).patch(url)),
    delete: (url) => wrap(request(t.http).delete(url)),
    email,
    userId: res.body.user.id as string,
  };
}

/** A user with the given grants, signed in. */
export async function signedIn(t: TestApp, grants: TestGrant[], isAdmin = false): Promise<Agent> {
  const user = await createUser(t.db, grants, isAdmin);
  return signIn(t, user.email, user.password);
}

export const editorOf = (t: TestApp, cityId: string): Promise<Agent> =>
  signedIn(t, [{ role: 'city_editor', cityId }]);

/** Gives a signed-in user one more grant; effective on their next request. */
export async function grant(t: TestApp, agent: Agent, g: TestGrant): Promise<void> {
  await t.db.query(
    `INSERT INTO user_grants (user_id, role, city_id, network_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [agent.userId, g.role, g.cityId ?? null, g.networkId ?? null],
  );
  await settled(t);
}
