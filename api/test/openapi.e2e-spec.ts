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

  it('lists null in every nullable enum, as OpenAPI 3.0.3 requires, and only there', () => {
    const schemas = buildOpenApiDocument(t.app).components?.schemas as Record<
      string,
      { properties: Record<string, { enum?: unknown[]; nullable?: boolean }> }
    >;
    const period = schemas['OccupancyPeriod']!.properties;
    expect(period['useCategory']!.nullable).toBe(true);
    expect(period['useCategory']!.enum).toContain(null);
    expect(period['useCategory']!.enum).toContain('retail_daily');
    expect(period['status']!.nullable).toBeUndefined();
    expect(period['status']!.enum).not.toContain(null);
    const enums = Object.values(schemas).flatMap((s) => Object.values(s.properties ?? {}));
    expect(enums.filter((p) => p.enum && p.nullable && !p.enum.includes(null))).toEqual([]);
    expect(enums.filter((p) => p.enum?.includes(null) && !p.nullable)).toEqual([]);
  });

  it('is served at /api/docs', async () => {
    const res = await request(t.http).get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/storefronts');
  });
});
