import { readFileSync } from 'node:fs';
import request from 'supertest';
import { buildOpenApiDocument, stableJson } from '../src/openapi.js';
import { createTestApp, type TestApp } from './app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI contract', () => {
  it('the committed api/openapi.json matches the code (run `npm run openapi` after API changes)', () => {
    const committed = readFileSync('api/openapi.json', 'utf8');
    expect(stableJson(buildOpenApiDocument(t.app))).toBe(committed);
  });

  it('is served at /api/docs', async () => {
    const res = await request(t.http).get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/storefronts');
  });
});
