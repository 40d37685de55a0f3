import type { DataSource } from 'typeorm';
import { hashPassword } from '../../api/src/auth/password.js';
import { REFERENCE_CITY_BY_SLUG } from './reference.js';

/**
 * One demo account per role, for trying the dashboard. Their password is published (printed by the
 * demo command and in the README), so a production start refuses to run while any of them exists
 * (see api/src/app.factory.ts). The `.invalid` domain can never receive mail.
 */
export const DEMO_ACCOUNT_DOMAIN = 'demo.schaufenster.invalid';
export const DEMO_PASSWORD = 'demo-schaufenster';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: 'admin' | 'city_editor' | 'network_member' | 'viewer';
  scope: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: `admin@${DEMO_ACCOUNT_DOMAIN}`,
    displayName: 'Demo-Administration',
    role: 'admin',
    scope: 'alle Städte',
  },
  {
    email: `citymanagement.muehlhausen@${DEMO_ACCOUNT_DOMAIN}`,
    displayName: 'Citymanagement Mühlhausen (Demo)',
    role: 'city_editor',
    scope: 'muehlhausen',
  },
  {
    email: `netzwerk@${DEMO_ACCOUNT_DOMAIN}`,
    displayName: 'Netzwerk „Innenstädte erfolgreich machen“ (Demo)',
    role: 'network_member',
    scope: 'innenstaedte-erfolgreich-machen',
  },
  {
    email: `stadtrat.gotha@${DEMO_ACCOUNT_DOMAIN}`,
    displayName: 'Stadtrat Gotha (Demo)',
    role: 'viewer',
    scope: 'gotha',
  },
];

/** Creates the demo accounts (idempotent; the password is reset to the published one). */
export async function seedDemoUsers(ds: DataSource): Promise<readonly DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (em) => {
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await em.query<{ id: string }[]>(
        `INSERT INTO users (email, display_name, password_hash, is_admin) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
           is_admin = EXCLUDED.is_admin, disabled = false, must_change_password = false
         RETURNING id`,
        [account.email, account.displayName, passwordHash, account.role === 'admin'],
      );
      await em.query(`DELETE FROM user_grants WHERE user_id = $1`, [user!.id]);
      if (account.role === 'network_member') {
        await em.query(
          `INSERT INTO user_grants (user_id, role, network_id) SELECT $1, 'network_member', id FROM networks WHERE slug = $2`,
          [user!.id, account.scope],
        );
      } else if (account.role !== 'admin') {
        const city = REFERENCE_CITY_BY_SLUG[account.scope as keyof typeof REFERENCE_CITY_BY_SLUG];
        await em.query(`INSERT INTO user_grants (user_id, role, city_id) VALUES ($1, $2, $3)`, [
          user!.id,
          account.role,
          city.id,
        ]);
      }
    }
  });
  return DEMO_ACCOUNTS;
}

/** The demo towns publish their (synthetic) data, so the dashboard can be explored without signing in. */
export async function publishDemoTowns(ds: DataSource, citySlugs: readonly string[]): Promise<void> {
  await ds.query(`UPDATE cities SET open_data = true WHERE slug = ANY($1::text[]) AND NOT open_data`, [
    citySlugs,
  ]);
}
