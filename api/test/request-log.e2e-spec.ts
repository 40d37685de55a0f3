import request from 'supertest';
import { setLogLevel } from '../src/common/request-context.js';
import { createTestApp, type TestApp } from './app.js';

/** The request log names the path the client asked for, `/api` included, and never the query. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function logged(send: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  setLogLevel('info');
  process.stdout.write = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  try {
    await send();
    await new Promise((r) => setImmediate(r)); // the line is written when the response has finished
  } finally {
    process.stdout.write = original;
    setLogLevel(process.env.LOG_LEVEL);
  }
  return written
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === 'request');
}

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
