import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and error bodies', () => {
  it('reports the database and PostGIS versions', async () => {
    const res = await request(t.http).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.version).toMatch(/^15\./);
    expect(res.body.database.postgis).toMatch(/^3\./);
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await request(t.http).get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await request(t.http)
      .post('/api/storefronts')
      .set('Content-Type', 'application/json')
      .send('{"street": ')
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body nested too deeply with 400, not 500 (sign-in needs no session)', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await request(t.http)
      .post('/api/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send(deep)
      .expect(400);
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The request body is nested too deeply.',
    });
  });

  it('answers a body that is not UTF-8 JSON with 415 and what to send, not 500 or a misleading 400', async () => {
    const body = JSON.stringify({ email: 'a@b.de', password: 'x' });
    const send = (headers: Record<string, string>) => {
      const req = request(t.http).post('/api/auth/sign-in');
      for (const [name, value] of Object.entries(headers)) req.set(name, value);
      return req.send(body);
    };
    const refused: Record<string, string>[] = [
      { 'Content-Type': 'application/json; charset=latin1' },
      { 'Content-Type': 'application/json; charset=koi8-r' },
      { 'Content-Type': 'application/json', 'Content-Encoding': 'deflate2' },
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Content-Type': 'application/xml' },
    ];
    for (const headers of refused) {
      const res = await send(headers);
      expect([headers, res.status, res.body.code]).toEqual([headers, 415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(res.body.message).toMatch(/JSON|Content-Encoding/);
    }
    // no body at all (a sign-out: Content-Length 0, no type) is no body of the wrong type
    const empty = await request(t.http).post('/api/auth/sign-out').set('Content-Type', 'text/plain');
    expect(empty.status).not.toBe(415);
    // JSON by any of its names still reaches the sign-in (and is refused there for the wrong password)
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/geo+json']) {
      expect((await send({ 'Content-Type': type })).status).toBe(401);
    }
  });

  it('answers an address too long for Node’s parser with 431 in the API’s error shape', async () => {
    const res = await request(t.http).get(`/api/interventions?q=${encodeURIComponent('ä'.repeat(3000))}`);
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ code: 'HEADERS_TOO_LARGE', message: expect.stringContaining('too long') });
    // the server still answers afterwards
    await request(t.http).get('/api/health').expect(200);
  });

  it('refuses a NUL character in a text with 400 naming the field, in the body and in the query', async () => {
    const body = await request(t.http)
      .post('/api/auth/sign-in')
      .send({ email: 'a@b.de', password: 'pass\u0000word' })
      .expect(400);
    expect(body.body.details.fields).toEqual([
      expect.objectContaining({ field: 'password', rules: [{ rule: 'noNulCharacter' }] }),
    ]);
    const query = await request(t.http).get('/api/interventions?q=Frei%00Handel').expect(400);
    expect(query.body.details.fields[0].field).toBe('q');
  });

  it('answers an oversized body with 413', async () => {
    const res = await request(t.http)
      .post('/api/storefronts')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ notes: 'x'.repeat(6 * 1024 * 1024) }))
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('never leaks SQL or stack traces', async () => {
    const res = await request(t.http)
      .get(`/api/storefronts?cityId=${"00000000-0000-0000-0000-000000000000'; DROP TABLE cities; --"}`)
      .expect(400);
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|at .*\.js|stack/i);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'cities'`,
    );
    expect(n).toBe(1);
  });

  it('carries a request id', async () => {
    const res = await request(t.http).get('/api/health').set('X-Request-Id', 'abc12345-test').expect(200);
    expect(res.headers['x-request-id']).toBe('abc12345-test');
  });
});

describe('hardening', () => {
  it('sends security headers', async () => {
    const res = await request(t.http).get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('does not allow cross-origin reads (no CORS headers for foreign origins)', async () => {
    const res = await request(t.http).get('/api/health').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(t.http)
      .options('/api/storefronts')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
