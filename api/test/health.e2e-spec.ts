import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { signedIn } from './auth.js';
import { createCity } from './factories.js';

/**
 * Liveness answers from the process alone; readiness needs the database to answer in time and
 * reports the PDF renderer without requiring it (docs/operations.md, "Monitoring").
 */
let t: TestApp | undefined;
let proxy: { port: number; cut: () => Promise<void> } | undefined;
let dashboard: string | undefined;
afterEach(async () => {
  await t?.close();
  await proxy?.cut();
  if (dashboard) rmSync(dashboard, { recursive: true, force: true });
  t = undefined;
  proxy = undefined;
  dashboard = undefined;
});

/** A TCP relay to the test database; `cut` closes it and every connection through it, as a lost network would. */
async function databaseRelay(): Promise<{ port: number; cut: () => Promise<void> }> {
  const target = new URL(process.env.TEST_DATABASE_URL!);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(socket);
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let cut: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    cut: () =>
      (cut ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      })),
  };
}

function throughRelay(port: number): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.port = String(port);
  return url.href;
}

describe('GET /api/health/live and /api/health/ready', () => {
  it('both answer 200 while all is well; readiness names the database and the PDF renderer', async () => {
    t = await createTestApp();
    expect((await request(t.http).get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await request(t.http).get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'ok',
      database: { version: expect.any(String), postgis: expect.any(String) },
      reportRenderer: expect.stringMatching(/^(running|installed|unavailable)$/),
    });
    // the original check answers as before
    expect((await request(t.http).get('/api/health').expect(200)).body).toEqual({
      status: 'ok',
      database: ready.body.database,
    });
  });

  it('stay ready without Chromium: the renderer is reported unavailable, not launched', async () => {
    t = await createTestApp({ CHROMIUM_PATH: '/nonexistent/chromium' });
    const ready = await request(t.http).get('/api/health/ready').expect(200);
    expect(ready.body.reportRenderer).toBe('unavailable');
  });

  it('stay ready when Chromium is there but does not start: unavailable after the failed launch', async () => {
    // the report pages come from the built dashboard: a stand-in, so that the launch is tried
    dashboard = mkdtempSync(join(tmpdir(), 'schaufenster-dashboard-'));
    writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>Schaufenster</title>');
    t = await createTestApp({ CHROMIUM_PATH: '/bin/false', WEB_DIST_DIR: dashboard }); // executable, but no browser
    expect((await request(t.http).get('/api/health/ready').expect(200)).body.reportRenderer).toBe(
      'installed',
    );
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await signedIn(t, [{ role: 'city_editor', cityId: city.id }]);
    const pdf = await editor.get(`/api/reports/towns/${city.slug}.pdf?asOf=2025-06-30`).expect(503);
    expect(pdf.body).toMatchObject({
      code: 'REPORT_RENDERER_UNAVAILABLE',
      message: expect.stringContaining('did not start'),
    });
    expect((await request(t.http).get('/api/health/ready').expect(200)).body.reportRenderer).toBe(
      'unavailable',
    );
  });

  it('when the database is unreachable: live answers 200, ready 503 in the error shape', async () => {
    proxy = await databaseRelay();
    t = await createTestApp({ DATABASE_URL: throughRelay(proxy.port) });
    await request(t.http).get('/api/health/ready').expect(200);
    await proxy.cut();
    expect((await request(t.http).get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await request(t.http).get('/api/health/ready').expect(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.body).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('Not ready'),
      details: { reportRenderer: expect.any(String) },
      requestId: expect.any(String),
    });
  });

  it('when the pool is exhausted: live answers 200, ready 503 until a connection is free again', async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '1' });
    const holder = t.db.createQueryRunner();
    await holder.connect(); // the pool's only connection
    try {
      await request(t.http).get('/api/health/live').expect(200);
      expect((await request(t.http).get('/api/health/ready').expect(503)).body.code).toBe(
        'DATABASE_UNAVAILABLE',
      );
    } finally {
      await holder.release();
    }
    await request(t.http).get('/api/health/ready').expect(200);
  });
});
