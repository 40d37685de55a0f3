/**
 * Creates an administrator — the first one of a new installation, or one more — with a temporary
 * password, printed once; it must be replaced at the first sign-in (docs/security.md).
 *   tsx db/scripts/create-admin.ts <email> "<display name>"               (sources)
 *   node dist/db/scripts/create-admin.js <email> "<display name>"         (built, e.g. inside the container)
 * An existing account with that e-mail is refused: reset its password in the dashboard instead.
 * Target: DATABASE_URL or the local database.
 */
import { hashPassword, temporaryPassword } from '../../api/src/auth/password.js';
import { createDataSource, DEFAULT_DATABASE_URL } from '../data-source.js';

const [emailArg, displayName] = process.argv.slice(2);
const email = emailArg?.trim().toLowerCase() ?? '';
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !displayName?.trim()) {
  console.error('usage: create-admin <email> "<display name>"');
  process.exit(2);
}

const ds = createDataSource(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { poolSize: 1 });
await ds.initialize();
try {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const created = await ds.transaction(async (em) => {
    const [user] = await em.query<{ id: string }[]>(
      `INSERT INTO users (email, display_name, password_hash, is_admin, must_change_password)
       VALUES ($1, $2, $3, true, true) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, displayName.trim(), passwordHash],
    );
    if (!user) return false;
    await em.query(
      `INSERT INTO audit_log (city_id, entity_type, entity_id, action, before, after)
       VALUES (NULL, 'user', $1, 'create', NULL, $2)`,
      [
        user.id,
        JSON.stringify({ email, displayName: displayName.trim(), isAdmin: true, via: 'create-admin' }),
      ],
    );
    return true;
  });
  if (!created) {
    console.error(
      `[admin] an account ${email} exists already: nothing changed (reset its password in the dashboard).`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `[admin] created ${email}; temporary password (shown once, to be changed at the first sign-in):`,
    );
    console.log(password);
  }
} finally {
  await ds.destroy();
}
