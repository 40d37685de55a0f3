import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  db: DataSource;
  close: () => Promise<void>;
}

/**
 * The real application on the test database (set up by global-setup.ts), without a port. `env` sets
 * settings for this app only (read once, at boot, by loadConfig), e.g. a low export limit.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  process.env.LOG_LEVEL ??= 'silent';
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  const app = await createApp().finally(() => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  await app.init();
  return { app, http: app.getHttpServer(), db: app.get(DataSource), close: () => app.close() };
}
