import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';

/**
 * OGC API – Features over open-data towns, read by a real client (GDAL's ogrinfo, from Debian's
 * gdal-bin; installed by db/scripts/ensure-system-packages.sh). The test fails when ogrinfo is missing.
 */
const run = promisify(execFile);
let t: TestApp;
let base: string;
let open: TestCity;
let closed: TestCity;
const openUnits: string[] = [];
let closedUnit: string;
// A corner of the map no other test uses, so counts are exact.
const CENTRE: [number, number] = [9.1234, 48.4567];
const SPAT = ['9.10', '48.43', '9.15', '48.48'];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api/ogc`;
  open = await createCity(t.db, CENTRE, 20000, true);
  closed = await createCity(t.db, [CENTRE[0] + 0.002, CENTRE[1] + 0.001], 20000, false);
  const openEditor = await editorOf(t, open.id);
  for (const [i, status] of (['vacant', 'occupied', 'temporary_use'] as const).entries()) {
    const body = storefrontBody(open, {
      houseNumber: String(i + 1),
      location: { type: 'Point', coordinates: [CENTRE[0] + 0.001 * i, CENTRE[1] + 0.0005] },
      initialStatus: {
        date: '2020-01-01',
        status,
        ...(status === 'vacant' ? {} : { useCategory: 'services' }),
      },
      notes: 'internal note',
    });
    openUnits.push((await openEditor.post('/api/storefronts').send(body).expect(201)).body.id);
  }
  const closedEditor = await editorOf(t, closed.id);
  closedUnit = (await closedEditor.post('/api/storefronts').send(storefrontBody(closed)).expect(201)).body.id;
});
afterAll(() => t.close());

describe('OGC API – Features', () => {
  it('landing page, conformance and collections with rel/type links', async () => {
    const landing = await request(t.http).get('/api/ogc').expect(200);
    expect(landing.body.links.map((l: { rel: string }) => l.rel)).toEqual([
      'self',
      'service-desc',
      'service-doc',
      'conformance',
      'data',
    ]);
    const conformance = await request(t.http).get('/api/ogc/conformance').expect(200);
    expect(conformance.body.conformsTo).toContain(
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
    );
    const collections = await request(t.http).get('/api/ogc/collections').expect(200);
    expect(collections.body.collections.map((c: { id: string }) => c.id)).toEqual([
      'storefronts',
      'perimeters',
    ]);
    await request(t.http).get('/api/ogc/collections/nothing').expect(404);
  });

  it('items: GeoJSON of open-data towns only, public fields, bbox, paging links and datetime', async () => {
    const bbox = SPAT.join(',');
    const page1 = await request(t.http)
      .get(`/api/ogc/collections/storefronts/items?bbox=${bbox}&limit=2`)
      .expect(200);
    expect(page1.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(page1.body).toMatchObject({ type: 'FeatureCollection', numberMatched: 3, numberReturned: 2 });
    const next = page1.body.links.find((l: { rel: string }) => l.rel === 'next');
    expect(next.type).toBe('application/geo+json');
    const page2 = await request(t.http)
      .get(new URL(next.href).pathname + new URL(next.href).search)
      .expect(200);
    expect(page2.body.numberReturned).toBe(1);
    expect(page2.body.links.map((l: { rel: string }) => l.rel)).toContain('prev');
    const ids = [...page1.body.features, ...page2.body.features].map((f: { id: string }) => f.id).sort();
    expect(ids).toEqual([...openUnits].sort());
    const props = page1.body.features[0].properties;
    expect(Object.keys(props).sort()).toEqual(
      [
        'asOf',
        'floor',
        'floorAreaM2',
        'houseNumber',
        'insidePerimeter',
        'postcode',
        'status',
        'statusSince',
        'street',
        'town',
        'townName',
        'useCategory',
      ].sort(),
    );
    const before = await request(t.http)
      .get(`/api/ogc/collections/storefronts/items?bbox=${bbox}&datetime=2019-06-01`)
      .expect(200);
    expect(before.body.numberMatched).toBe(0);
    await request(t.http)
      .get(`/api/ogc/collections/storefronts/items?datetime=2019-01-01/2020-01-01`)
      .expect(400);
    await request(t.http).get(`/api/ogc/collections/storefronts/items?bbox=1,2,3`).expect(400);
    const clamped = await request(t.http)
      .get(`/api/ogc/collections/storefronts/items?limit=5000&bbox=${bbox}`)
      .expect(200);
    expect(clamped.body.numberReturned).toBe(3);
  });

  it('perimeters: numberMatched counts all matches also on a page past the end', async () => {
    const all = await request(t.http).get(`/api/ogc/collections/perimeters/items?limit=1`).expect(200);
    expect(all.body.numberMatched).toBeGreaterThan(0);
    const beyond = await request(t.http)
      .get(`/api/ogc/collections/perimeters/items?limit=1&offset=100000`)
      .expect(200);
    expect(beyond.body).toMatchObject({ numberReturned: 0, numberMatched: all.body.numberMatched });
  });

  it('single items: open town 200, closed town 404', async () => {
    const item = await request(t.http)
      .get(`/api/ogc/collections/storefronts/items/${openUnits[0]}`)
      .expect(200);
    expect(item.body).toMatchObject({ type: 'Feature', id: openUnits[0], properties: { status: 'vacant' } });
    await request(t.http).get(`/api/ogc/collections/storefronts/items/${closedUnit}`).expect(404);
    const perimeter = await request(t.http)
      .get(`/api/ogc/collections/perimeters/items/${open.id}`)
      .expect(200);
    expect(perimeter.body.geometry.type).toBe('MultiPolygon');
    await request(t.http).get(`/api/ogc/collections/perimeters/items/${closed.id}`).expect(404);
  });

  it('GDAL ogrinfo lists the collections and reads the features', async () => {
    const ogrinfo = await run('sh', ['-c', 'command -v ogrinfo']).catch(() => null);
    if (!ogrinfo)
      throw new Error('ogrinfo is missing: run db/scripts/ensure-system-packages.sh (Debian gdal-bin)');
    const env = { ...process.env, GDAL_HTTP_TIMEOUT: '20', CPL_DEBUG: 'OFF' };
    const list = await run('ogrinfo', ['-ro', '-so', `OAPIF:${base}`], { env });
    expect(list.stdout).toMatch(/storefronts/);
    expect(list.stdout).toMatch(/perimeters/);
    const features = await run(
      'ogrinfo',
      ['-ro', '-al', '-q', '-spat', ...SPAT, `OAPIF:${base}`, 'storefronts'],
      { env },
    );
    const fids = [...features.stdout.matchAll(/^\s*id \(String\) = (\S+)/gm)].map((m) => m[1]).sort();
    expect(fids).toEqual([...openUnits].sort());
    expect(features.stdout).toMatch(/status \(String\) = vacant/);
    expect(features.stdout).not.toMatch(/internal note/);
    const summary = await run('ogrinfo', ['-ro', '-al', '-so', `OAPIF:${base}`, 'perimeters'], { env });
    expect(summary.stdout).toMatch(/Geometry: Multi Polygon/);
  }, 60_000);

  it('publishes a TileJSON 3.0.0 document for the vector tiles', async () => {
    const doc = await request(t.http).get('/api/tiles/storefronts.json').expect(200);
    expect(doc.body).toMatchObject({
      tilejson: '3.0.0',
      minzoom: 0,
      maxzoom: 20,
      attribution: expect.any(String),
    });
    expect(doc.body.tiles[0]).toMatch(/\/api\/tiles\/storefronts\/\{z\}\/\{x\}\/\{y\}$/);
    expect(doc.body.bounds).toHaveLength(4);
    expect(doc.body.vector_layers.map((l: { id: string }) => l.id)).toEqual([
      'storefronts',
      'storefront_cells',
    ]);
    const path = new URL(doc.body.tiles[0].replace('{z}/{x}/{y}', '14/8583/5496')).pathname;
    await request(t.http)
      .get(path)
      .expect((res) => expect([200, 204]).toContain(res.status));
  });

  it('TileJSON bounds cover the towns the caller sees: open-data towns, and signed in the towns they read', async () => {
    // A closed town east of every other test town: only its readers' bounds reach it.
    const far = await createCity(t.db, [16.5, 56.5], 20000, false);
    const east = (res: request.Response): number => (res.body.bounds as number[])[2]!;
    const anonymous = await request(t.http).get('/api/tiles/storefronts.json').expect(200);
    expect(east(anonymous)).toBeLessThan(16.4);
    const reader = await signedIn(t, [{ role: 'viewer', cityId: far.id }]);
    const readers = await reader.get('/api/tiles/storefronts.json').expect(200);
    expect(east(readers)).toBeCloseTo(16.55, 5);
    expect(readers.body.bounds[0]).toBeLessThanOrEqual(anonymous.body.bounds[0]); // open-data towns too
    const admin = await signedIn(t, [], true);
    expect(east(await admin.get('/api/tiles/storefronts.json').expect(200))).toBeCloseTo(16.55, 5);
  });
});

describe('the address in OGC and TileJSON links', () => {
  const linksOf = async (app: TestApp, headers: Record<string, string>) => {
    const landing = await request(app.http).get('/api/ogc').set(headers).expect(200);
    const tilejson = await request(app.http).get('/api/tiles/storefronts.json').set(headers).expect(200);
    return [...landing.body.links.map((l: { href: string }) => l.href), tilejson.body.tiles[0] as string];
  };

  it('is PUBLIC_URL when set, whatever Host header a request sends', async () => {
    const app = await createTestApp({ PUBLIC_URL: 'https://leerstand.example.de/' });
    try {
      const links = await linksOf(app, { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' });
      expect(links.length).toBeGreaterThan(4);
      for (const href of links) expect(href).toMatch(/^https:\/\/leerstand\.example\.de\/api\//);
    } finally {
      await app.close();
    }
  });

  it('is the proxy’s forwarded host and protocol behind a trusted proxy without PUBLIC_URL', async () => {
    const app = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const links = await linksOf(app, {
        'X-Forwarded-Host': 'schaufenster.example.org',
        'X-Forwarded-Proto': 'https',
      });
      for (const href of links) expect(href).toMatch(/^https:\/\/schaufenster\.example\.org\/api\//);
    } finally {
      await app.close();
    }
  });
});
