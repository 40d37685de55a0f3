import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  db: DataSource;
  close: () => Promise<void>;
}

/** The real application on the test database (set up by global-setup.ts), without a port. */
export async function createTestApp(): Promise<TestApp> {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  process.env.LOG_LEVEL ??= 'silent';
  const app = await createApp();
  await app.init();
  return { app, http: app.getHttpServer(), db: app.get(DataSource), close: () => app.close() };
}
