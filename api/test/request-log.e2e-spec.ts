import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { captureLog } from './log-capture.js';

/** The request log names the path the client asked for, `/api` included, and never the query. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const logged = async (send: () => Promise<unknown>): Promise<Record<string, unknown>[]> =>
  (await captureLog('info', send)).lines.filter((l) => l.msg === 'request');

it('logs unknown paths and refusals of the /api middleware with their full path (it had cut „/api“)', async () => {
  const lines = await logged(async () => {
    await request(t.http).get('/api/healthz?q=someone@example.org').expect(404);
    await request(t.http).post('/api/auth/sign-in').set('Content-Type', 'text/plain').send('x').expect(415);
    await request(t.http).get('/api/health').expect(200);
  });
  expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
    ['GET', '/api/healthz', 404],
    ['POST', '/api/auth/sign-in', 415],
    ['GET', '/api/health', 200],
  ]);
  expect(JSON.stringify(lines)).not.toContain('someone@example.org');
});
