import request from 'supertest';
import { buildOpenApiDocument } from '../src/openapi.js';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';

/**
 * Thousands of malformed and hostile requests against every endpoint: wrong types, huge values,
 * SQL and script injection, invalid GeoJSON, other towns' ids. No 500s, nothing written, nothing of
 * the other town read. Deterministic (seeded), so a failure reproduces.
 */
const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE storefronts; --",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '{"$gt": ""}',
  'x'.repeat(10_000),
  '😀'.repeat(500),
  '-1',
  '1e309',
  'NaN',
  '2023-02-29',
  '99999999-9999-9999-9999-999999999999',
  'null',
  '',
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  -1,
  0,
  1e308,
  -1e308,
  3.14159,
  true,
  null,
  [],
  [1, 2, 3],
  {},
  { type: 'Point', coordinates: [999, 999] },
  {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
  { type: 'MultiPolygon', coordinates: 'nope' },
  { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null }] },
  { $where: 'sleep(1000)' },
  { constructor: { prototype: { polluted: true } } },
];
const FIELDS = [
  'cityId',
  'version',
  'status',
  'date',
  'location',
  'perimeter',
  'floorAreaM2',
  'street',
  'grants',
  'email',
  'password',
  'asOf',
  'bbox',
  'type',
  'storefrontIds',
  'openData',
  'ownerPhone',
];

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestApp;
let home: TestCity;
let other: TestCity;
let editorHome: Agent;
let viewerHome: Agent;
let otherIds: string[];

/**
 * Everything the two fuzzed towns own: every table with a `city_id` column (all town-owned tables
 * carry one), plus the towns themselves. Scoped to these towns so that other test files writing to
 * the same database at the same time do not disturb the comparison.
 */
async function checksum(): Promise<string> {
  const towns = [home.id, other.id];
  const tables = await t.db.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'city_id' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name: table } of [...tables, { table_name: 'cities' }]) {
    const column = table === 'cities' ? 'id' : 'city_id';
    const [row] = await t.db.query(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS c
       FROM ${table} x WHERE ${column} = ANY($1::uuid[])`,
      [towns],
    );
    parts.push(`${table}=${row.c}`);
  }
  return parts.join(' ');
}

beforeAll(async () => {
  t = await createTestApp();
  home = await createCity(t.db, [10.7, 50.95], 20000, false);
  other = await createCity(t.db, [10.3, 50.98], 20000, false);
  editorHome = await signedIn(t, [{ role: 'city_editor', cityId: home.id }]);
  viewerHome = await signedIn(t, [{ role: 'viewer', cityId: home.id }]);
  const otherEditor = await signedIn(t, [{ role: 'city_editor', cityId: other.id }]);
  const sf = (await otherEditor.post('/api/storefronts').send(storefrontBody(other)).expect(201)).body
    .id as string;
  await otherEditor
    .put(`/api/storefronts/${sf}/contact`)
    .send({ version: 1, ownerPhone: '+49 361 55555' })
    .expect(200);
  const iv = await otherEditor
    .post('/api/interventions')
    .send({ cityId: other.id, type: 'test_shop', title: 'Geheimer Testladen', state: 'planned' })
    .expect(201);
  otherIds = [sf, iv.body.id as string];
  await editorHome.post('/api/storefronts').send(storefrontBody(home)).expect(201);
});
afterAll(() => t.close());

describe('fuzz', () => {
  it('survives thousands of hostile requests without a 500, a write or a leak', async () => {
    const random = prng(20261121);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const doc = buildOpenApiDocument(t.app);
    const routes = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path] as const))
      .filter(([m, p]) => !(m === 'POST' && p === '/api/auth/sign-out'));
    const before = await checksum();
    const failures: string[] = [];
    let sent = 0;
    for (let round = 0; round < 60; round++) {
      for (const [method, path] of routes) {
        const url = path.replace(/\{[^}]+\}/g, () =>
          encodeURIComponent(
            String(pick([...HOSTILE_STRINGS.slice(0, 12), ...otherIds, other.id, other.slug])),
          ),
        );
        const query = Array.from(
          { length: Math.floor(random() * 3) },
          () => `${pick(FIELDS)}=${encodeURIComponent(String(pick(HOSTILE_VALUES)))}`,
        );
        // Writes from the home editor always carry an unknown field: validation must refuse them before any write.
        const body: Record<string, unknown> = { $unknownField: pick(HOSTILE_VALUES) };
        for (let i = 0; i < 1 + Math.floor(random() * 4); i++) body[pick(FIELDS)] = pick(HOSTILE_VALUES);
        const client = pick(['anonymous', 'viewer', 'editor'] as const);
        const agentOf = { viewer: viewerHome, editor: editorHome };
        const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const target = `${url}${query.length ? `?${query.join('&')}` : ''}`;
        let req = client === 'anonymous' ? request(t.http)[verb](target) : agentOf[client][verb](target);
        if (method !== 'GET' && method !== 'DELETE') req = req.send(body);
        const res = await req;
        sent++;
        const text = typeof res.text === 'string' ? res.text : '';
        if (res.status >= 500)
          failures.push(
            `${method} ${target.slice(0, 120)} as ${client}: ${res.status} ${text.slice(0, 200)}`,
          );
        if (otherIds.some((id) => text.includes(id) && !path.includes('{')))
          failures.push(`${method} ${target.slice(0, 120)} leaked another town's record`);
        if (text.includes('+49 361 55555'))
          failures.push(`${method} ${target.slice(0, 120)} leaked personal data`);
        if (/QueryFailedError|at .*\.(js|ts):\d+|syntax error at or near/.test(text))
          failures.push(`${method} ${target.slice(0, 120)} leaked internals`);
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await checksum()).toBe(before);
  }, 300_000);

  it('refuses a huge body with 413 and a deeply nested one without a 500', async () => {
    const huge = await editorHome
      .post('/api/storefronts')
      .set('Content-Type', 'application/json')
      .send(`{"street":"${'x'.repeat(6_000_000)}"}`);
    expect(huge.status).toBe(413);
    let nested: unknown = 1;
    for (let i = 0; i < 5000; i++) nested = [nested];
    const deep = await editorHome
      .post('/api/storefronts')
      .send({ ...storefrontBody(home), location: nested });
    expect(deep.status).toBe(400);
  });
});
