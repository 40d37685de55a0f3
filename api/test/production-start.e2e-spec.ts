import { createApp } from '../src/app.factory.js';
import { createTestApp } from './app.js';

describe('production start', () => {
  it('refuses to run while demo accounts with the published password exist', async () => {
    const t = await createTestApp();
    await t.db.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ('admin@demo.schaufenster.invalid', 'Demo', 'x')
       ON CONFLICT (email) DO UPDATE SET disabled = false`,
    );
    const env = { ...process.env };
    process.env.NODE_ENV = 'production';
    try {
      await expect(createApp()).rejects.toThrow(/Demo accounts/);
      await t.db.query(`UPDATE users SET disabled = true WHERE email = 'admin@demo.schaufenster.invalid'`);
      const app = await createApp();
      await app.close();
    } finally {
      process.env = env;
      await t.close();
    }
  });
});
