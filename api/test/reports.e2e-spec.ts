import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import type { ReportMap } from '../src/reports/report.types.js';

/**
 * The report map on real PostGIS (statuses on the date, perimeter flags, projected SVG geometry) and
 * the PDF route's refusal when no Chromium is installed. The PDF itself is produced and checked in
 * the browser suite (web/e2e/reports.e2e.ts), which has the built dashboard.
 */
let t: TestApp;
let city: TestCity;
let other: TestCity;
let editor: Agent;
let viewerOfOther: Agent;

beforeAll(async () => {
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  t = await createTestApp();
  city = await createCity(t.db, [10.7, 50.95], 20000, false);
  other = await createCity(t.db, [10.3, 50.98], 20000, false);
  editor = await signedIn(t, [{ role: 'city_editor', cityId: city.id }]);
  viewerOfOther = await signedIn(t, [{ role: 'viewer', cityId: other.id }]);
  const [lon, lat] = city.centre;
  const add = (dLon: number, status: string, date: string) =>
    editor
      .post('/api/storefronts')
      .send(
        storefrontBody(city, {
          location: { type: 'Point', coordinates: [lon + dLon, lat] },
          initialStatus: { date, status, ...(status === 'occupied' ? { useCategory: 'services' } : {}) },
        }),
      )
      .expect(201);
  await add(0.001, 'vacant', '2023-01-01');
  await add(-0.001, 'occupied', '2021-01-01');
  await add(0.007, 'occupied', '2021-01-01'); // outside the 0.01° perimeter, inside the frame
});
afterAll(async () => {
  delete process.env.CHROMIUM_PATH;
  await t.close();
});

interface MapBody {
  crs: string;
  width: number;
  height: number;
  perimeterPath: string;
  units: { x: number; y: number; status: string; insidePerimeter: boolean }[];
  attribution: string;
}

describe('GET /api/reports/towns/:idOrSlug/map', () => {
  it('draws the units existing on the date, by status, in projected frame coordinates', async () => {
    const res = await editor.get(`/api/reports/towns/${city.slug}/map?asOf=2025-06-30`).expect(200);
    const map = res.body as MapBody;
    expect(map.crs).toBe('EPSG:25832');
    expect(map.attribution).toBe('© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)');
    expect(map.width / map.height).toBeCloseTo(1.5, 2);
    expect(map.units.map((u) => [u.status, u.insidePerimeter]).sort()).toEqual([
      ['occupied', false],
      ['occupied', true],
      ['vacant', true],
    ]);
    for (const u of map.units) {
      expect(u.x).toBeGreaterThan(0);
      expect(u.x).toBeLessThan(map.width);
      expect(u.y).toBeGreaterThan(0);
      expect(u.y).toBeLessThan(map.height);
    }
    // East of the centre is right of it: the vacant unit (+0.001°) lies right of the occupied one (−0.001°).
    const inside = map.units.filter((u) => u.insidePerimeter);
    const vacant = inside.find((u) => u.status === 'vacant')!;
    const occupied = inside.find((u) => u.status === 'occupied')!;
    expect(vacant.x - occupied.x).toBeGreaterThan(130); // 0.002° of longitude at 51° N ≈ 140 m
    // Same latitude: nearly the same row (UTM grid convergence tilts it by a few metres).
    expect(Math.abs(vacant.y - occupied.y)).toBeLessThan(10);
    // The perimeter is a square path inside the frame (ST_AsSVG, y pointing down).
    expect(map.perimeterPath).toMatch(/^M [\d.]+ [\d.]+ L( [\d.]+ [\d.]+){3,} Z$/);
    const numbers = map.perimeterPath.match(/[\d.]+/g)!.map(Number);
    expect(Math.min(...numbers)).toBeGreaterThan(0);
  });

  it('names the streets with most units inside the perimeter, at their centre, along their line', async () => {
    const town = await createCity(t.db, [11.2, 50.8], 20000, false);
    const manager = await signedIn(t, [{ role: 'city_editor', cityId: town.id }]);
    const [lon, lat] = town.centre;
    const add = (street: string, dLon: number, dLat: number, status: string) =>
      manager
        .post('/api/storefronts')
        .send(
          storefrontBody(town, {
            street,
            location: { type: 'Point', coordinates: [lon + dLon, lat + dLat] },
            initialStatus: {
              date: '2024-01-01',
              status,
              ...(status === 'occupied' ? { useCategory: 'services' } : {}),
            },
          }),
        )
        .expect(201);
    for (const k of [-2, -1, 1, 2]) await add('Marktstraße', 0.0005 * k, 0, 'vacant'); // east–west
    for (const k of [-1, 0, 1]) await add('Steinweg', 0.003, 0.0005 * k, 'occupied'); // north–south
    await add('Steinweg', 0.007, 0, 'occupied'); // outside the 0.01° perimeter: not counted
    for (const k of [1, 2]) await add('Gasse', -0.003, 0.0004 * k, 'under_renovation'); // only two

    const map = (await manager.get(`/api/reports/towns/${town.slug}/map?asOf=2025-06-30`).expect(200))
      .body as Pick<ReportMap, 'units' | 'streets'>;
    expect(map.streets.map((s) => [s.name, s.units])).toEqual([
      ['Marktstraße', 4],
      ['Steinweg', 3],
    ]);
    const [market, steinweg] = map.streets;
    // at the centroid of the street's units: the mean of the four vacant markers
    const vacant = map.units.filter((u) => u.status === 'vacant');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(market!.x - mean(vacant.map((u) => u.x)))).toBeLessThan(0.2);
    expect(Math.abs(market!.y - mean(vacant.map((u) => u.y)))).toBeLessThan(0.2);
    // along the street: level for east–west (UTM grid convergence tilts it by a degree or two),
    // upright for north–south, never upside down
    expect(Math.abs(market!.angle)).toBeLessThan(3);
    expect(Math.abs(steinweg!.angle)).toBeGreaterThan(85);
    expect(steinweg!.angle).toBeGreaterThan(-90);
    expect(steinweg!.angle).toBeLessThanOrEqual(90);
    // its ends are its outermost units: the westernmost and easternmost vacant markers
    const xs = vacant.map((u) => u.x);
    expect([market!.from.x, market!.to.x].sort((a, b) => a - b)).toEqual([Math.min(...xs), Math.max(...xs)]);
    // before anything was recorded there is nothing to label
    const before = (await manager.get(`/api/reports/towns/${town.slug}/map?asOf=2023-06-30`).expect(200))
      .body;
    expect(before.streets).toEqual([]);
  });

  it('shows the statuses of an earlier date, and nothing before the first record', async () => {
    const before = (await editor.get(`/api/reports/towns/${city.id}/map?asOf=2022-06-30`).expect(200))
      .body as MapBody;
    expect(before.units.map((u) => u.status).sort()).toEqual(['occupied', 'occupied']);
    const empty = (await editor.get(`/api/reports/towns/${city.id}/map?asOf=2019-06-30`).expect(200))
      .body as MapBody;
    expect(empty.units).toEqual([]);
  });

  it('names the last on-site visit known on the report date', async () => {
    const [unit] = await t.db.query(`SELECT id FROM storefronts WHERE city_id = $1 ORDER BY id LIMIT 1`, [
      city.id,
    ]);
    for (const at of ['2022-03-01T10:00:00Z', '2024-05-01T22:30:00Z']) {
      await t.db.query(`UPDATE storefronts SET verified_at = $2 WHERE id = $1`, [unit.id, at]);
    }
    const lastOn = async (asOf: string): Promise<string | null> =>
      (await editor.get(`/api/reports/towns/${city.id}/map?asOf=${asOf}`).expect(200)).body.lastVerifiedOn;
    expect(await lastOn('2022-02-28')).toBeNull();
    expect(await lastOn('2023-06-30')).toBe('2022-03-01');
    expect(await lastOn('2024-05-01')).toBe('2022-03-01'); // 22:30 UTC is 2 May in Berlin
    expect(await lastOn('2025-06-30')).toBe('2024-05-02');
  });

  it('is refused to other towns’ readers and anonymous visitors of a town without open data', async () => {
    await viewerOfOther.get(`/api/reports/towns/${city.slug}/map`).expect(403);
    await request(t.http).get(`/api/reports/towns/${city.slug}/map`).expect(401);
    await editor.get('/api/reports/towns/no-such-town/map').expect(404);
  });

  it('rejects an invalid date, and a date after today (a report states facts)', async () => {
    const res = await editor.get(`/api/reports/towns/${city.slug}/map?asOf=2025-02-30`).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const future = await editor.get(`/api/reports/towns/${city.slug}/map?asOf=2099-01-01`).expect(400);
    expect(future.body.details.fields[0]).toMatchObject({
      field: 'asOf',
      rules: [{ rule: 'notAfterToday' }],
    });
  });
});

describe('GET /api/reports/towns/:idOrSlug.pdf', () => {
  it('answers 503 with a clear body when no Chromium is installed', async () => {
    const res = await editor.get(`/api/reports/towns/${city.slug}.pdf?asOf=2025-06-30`).expect(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body).toMatchObject({ code: 'REPORT_RENDERER_UNAVAILABLE' });
    expect(res.body.message).toMatch(/not available/);
  });

  it('compares with one of the town’s networks only, refused before any rendering', async () => {
    const slug = `report-net-${city.slug}`;
    const [net] = await t.db.query(
      `INSERT INTO networks (slug, name) VALUES ($1, 'Berichtsnetz') RETURNING id`,
      [slug],
    );
    const pdf = (network: string) =>
      editor.get(
        `/api/reports/towns/${city.slug}.pdf?asOf=2025-06-30&network=${encodeURIComponent(network)}`,
      );
    const notMember = (await pdf(slug).expect(400)).body;
    expect(notMember).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'network', rules: [{ rule: 'townNetwork' }] }] },
    });
    expect(notMember.message).toContain('belongs to no network');
    expect((await pdf('Kein Slug').expect(400)).body.details.fields[0].field).toBe('network');

    await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [net.id, city.id]);
    await pdf(slug).expect(503); // accepted: on to the renderer, which this suite does not have
    expect((await pdf('no-such-network').expect(400)).body.message).toContain(`its networks: ${slug}`);
  });

  it('answers 404 for an unknown network before any rendering', async () => {
    const res = await editor.get('/api/reports/networks/no-such-network.pdf').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
