import request from 'supertest';
import type { NetworkReportMap } from '../src/reports/report.types.js';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import { settled } from './settled.js';

/**
 * The network report's overview map on real PostGIS: the member towns the caller may see (and no
 * other), each with its projected boundary and the class of its vacancy rate on the date.
 *
 * Fixture (all in one fresh network):
 * - Ostdorf (A, east, no open data): inside the perimeter 5 units occupied since 2021 and 1 vacant
 *   since 2023; 1 more vacant unit outside the perimeter (not counted). On 2025-06-30 the rate is
 *   1 / 6 = 16.7 % → class 3 (15 % to under 20 %); counting the outside unit would give 2 / 7 =
 *   28.6 % → class 4. On 2022-06-30 the vacant unit does not exist yet: 0 / 5 = 0 % → class 0.
 * - Westdorf (B, west, open data): no units → no rate, no class ("keine Daten").
 * - Norddorf (C, no open data): 1 vacant unit; only the network member and admins may see it.
 * - Fremddorf (D): readable by the viewer, but not a member of the network.
 */
let t: TestApp;
let network: { id: string; slug: string };
let a: TestCity;
let b: TestCity;
let c: TestCity;
let d: TestCity;
let viewerOfA: Agent;
let member: Agent;

/** The answer's JSON (the API's own type). */
type MapBody = NetworkReportMap;

beforeAll(async () => {
  t = await createTestApp();
  const slug = `netzkarte-${Date.now()}`;
  const [net] = await t.db.query<{ id: string }[]>(
    `INSERT INTO networks (slug, name) VALUES ($1, 'Kartennetz') RETURNING id`,
    [slug],
  );
  network = { id: net!.id, slug };
  a = await createCity(t.db, [10.9, 50.95], 20000, false);
  b = await createCity(t.db, [10.5, 50.98], 20000, true);
  c = await createCity(t.db, [10.7, 51.3], 20000, false);
  d = await createCity(t.db, [10.7, 50.7], 20000, false);
  await t.db.query(
    `UPDATE cities SET name = v.name FROM (VALUES ($1::uuid, 'Ostdorf'), ($2::uuid, 'Westdorf'),
       ($3::uuid, 'Norddorf'), ($4::uuid, 'Fremddorf')) AS v(id, name) WHERE cities.id = v.id`,
    [a.id, b.id, c.id, d.id],
  );
  for (const town of [a, b, c]) {
    await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [
      network.id,
      town.id,
    ]);
  }
  await settled(t);
  const editor = await signedIn(t, [
    { role: 'city_editor', cityId: a.id },
    { role: 'city_editor', cityId: c.id },
  ]);
  const add = (town: TestCity, dLon: number, status: string, date: string) =>
    editor
      .post('/api/storefronts')
      .send(
        storefrontBody(town, {
          location: { type: 'Point', coordinates: [town.centre[0] + dLon, town.centre[1]] },
          initialStatus: { date, status, ...(status === 'occupied' ? { useCategory: 'services' } : {}) },
        }),
      )
      .expect(201);
  for (const dLon of [-0.004, -0.003, -0.002, -0.001, 0]) await add(a, dLon, 'occupied', '2021-01-01');
  await add(a, 0.002, 'vacant', '2023-01-01');
  await add(a, 0.02, 'vacant', '2021-01-01'); // outside the 0.01° perimeter, inside the boundary
  await add(c, 0.001, 'vacant', '2021-01-01');
  viewerOfA = await signedIn(t, [
    { role: 'viewer', cityId: a.id },
    { role: 'viewer', cityId: d.id },
  ]);
  member = await signedIn(t, [{ role: 'network_member', networkId: network.id }]);
});
afterAll(() => t.close());

const mapOf = async (agent: Agent, query = 'asOf=2025-06-30'): Promise<MapBody> =>
  (await agent.get(`/api/reports/networks/${network.slug}/map?${query}`).expect(200)).body as MapBody;

const numbersOf = (path: string): number[] => path.match(/-?[\d.]+/g)!.map(Number);

describe('GET /api/reports/networks/:idOrSlug/map', () => {
  it('draws the visible member towns from their boundaries, classed by the vacancy rate on the date', async () => {
    const map = await mapOf(viewerOfA);
    expect(map.network).toEqual({ id: network.id, slug: network.slug, name: 'Kartennetz' });
    expect(map.asOf).toBe('2025-06-30');
    expect(map.crs).toBe('EPSG:25832');
    expect(map.attribution).toBe('© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)');
    expect(map.width / map.height).toBeCloseTo(1.5, 2);
    expect(map.classes.map((k) => [k.from, k.to])).toEqual([
      [0, 0.05],
      [0.05, 0.1],
      [0.1, 0.15],
      [0.15, 0.2],
      [0.2, null],
    ]);
    expect(map.towns.map((town) => town.name)).toEqual(['Ostdorf', 'Westdorf']);
    const [east, west] = map.towns as [MapBody['towns'][number], MapBody['towns'][number]];
    expect(east).toMatchObject({ cityId: a.id, vacancyRate: 1 / 6, vacancyClass: 3, isSynthetic: false });
    expect(west).toMatchObject({ cityId: b.id, vacancyRate: null, vacancyClass: null });

    for (const town of map.towns) {
      // The boundary: a closed square path (ST_AsSVG, whole metres) inside the frame.
      expect(town.boundaryPath).toMatch(/^M \d+ \d+ L( \d+ \d+){3,} Z$/);
      const xs = numbersOf(town.boundaryPath!).filter((_, i) => i % 2 === 0);
      const ys = numbersOf(town.boundaryPath!).filter((_, i) => i % 2 === 1);
      expect(Math.min(...xs)).toBeGreaterThan(0);
      expect(Math.max(...xs)).toBeLessThan(map.width);
      expect(Math.min(...ys)).toBeGreaterThan(0);
      expect(Math.max(...ys)).toBeLessThan(map.height);
      // 0.1° of longitude at 51° N ≈ 7 km, of latitude ≈ 11 km.
      expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(6500);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(7500);
      expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(10500);
      expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(11700);
      // The label and the centre lie inside the boundary's box.
      for (const [x, y] of [
        [town.labelX, town.labelY],
        [town.centreX, town.centreY],
      ] as const) {
        expect(x).toBeGreaterThan(Math.min(...xs));
        expect(x).toBeLessThan(Math.max(...xs));
        expect(y).toBeGreaterThan(Math.min(...ys));
        expect(y).toBeLessThan(Math.max(...ys));
      }
    }
    // East is right: 0.4° of longitude apart ≈ 28 km.
    expect(east.centreX - west.centreX).toBeGreaterThan(27000);
    expect(east.centreX - west.centreX).toBeLessThan(29000);
    // Westdorf lies 0.03° (≈ 3.3 km) further north: higher on the map, smaller y (UTM's grid
    // convergence, ~1.5° here, takes ~0.7 km off over 28 km).
    expect(east.centreY - west.centreY).toBeGreaterThan(2300);
    expect(east.centreY - west.centreY).toBeLessThan(3400);
  });

  it('uses the same vacancy rate as the KPI engine', async () => {
    const [kpis] = (await viewerOfA.get(`/api/kpis?cityId=${a.id}&asOf=2025-06-30`).expect(200)).body as {
      vacancyRate: number;
    }[];
    const map = await mapOf(viewerOfA);
    expect(map.towns.find((town) => town.cityId === a.id)?.vacancyRate).toBe(kpis!.vacancyRate);
  });

  it('classes the towns as of the date', async () => {
    const map = await mapOf(viewerOfA, 'asOf=2022-06-30');
    expect(map.towns.find((town) => town.cityId === a.id)).toMatchObject({ vacancyRate: 0, vacancyClass: 0 });
    const before = await mapOf(viewerOfA, 'asOf=2019-06-30');
    expect(before.towns.map((town) => town.vacancyClass)).toEqual([null, null]);
  });

  it('leaves out member towns the caller may not see, and towns outside the network', async () => {
    const viewers = await mapOf(viewerOfA);
    const ids = viewers.towns.map((town) => town.cityId);
    expect(ids).not.toContain(c.id);
    expect(ids).not.toContain(d.id);
    expect(JSON.stringify(viewers)).not.toContain('Norddorf');

    const anonymous = (await request(t.http).get(`/api/reports/networks/${network.id}/map?asOf=2025-06-30`))
      .body as MapBody;
    expect(anonymous.towns.map((town) => town.name)).toEqual(['Westdorf']);

    const members = await mapOf(member);
    expect(members.towns.map((town) => town.name)).toEqual(['Norddorf', 'Ostdorf', 'Westdorf']);
    expect(members.towns[0]).toMatchObject({ vacancyRate: 1, vacancyClass: 4 });
    // The frame grows with the towns the caller sees: Norddorf lies 0.35° further north.
    expect(members.height).toBeGreaterThan(viewers.height);
  });

  it('is empty, not an error, when the caller sees none of the members', async () => {
    const outsider = await signedIn(t, [{ role: 'viewer', cityId: d.id }]);
    const slug = `leer-${Date.now()}`;
    await t.db.query(`INSERT INTO networks (slug, name) VALUES ($1, 'Leeres Netz')`, [slug]);
    await settled(t);
    const res = await outsider.get(`/api/reports/networks/${slug}/map?asOf=2025-06-30`).expect(200);
    expect(res.body).toMatchObject({ towns: [], width: 0, height: 0 });
  });

  it('answers 404 for an unknown network and 400 for an invalid date or an unknown parameter', async () => {
    const missing = await viewerOfA.get('/api/reports/networks/no-such-network/map').expect(404);
    expect(missing.body).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Network no-such-network was not found.',
    });
    await viewerOfA.get('/api/reports/networks/Not%20a%20slug!/map').expect(404);
    const date = await viewerOfA.get(`/api/reports/networks/${network.slug}/map?asOf=2025-02-30`).expect(400);
    expect(date.body.code).toBe('VALIDATION_FAILED');
    const extra = await viewerOfA.get(`/api/reports/networks/${network.slug}/map?town=x`).expect(400);
    expect(extra.body.code).toBe('VALIDATION_FAILED');
  });

  it('takes no town filter: its towns follow the caller, and a cityId is refused for everyone alike', async () => {
    for (const caller of [viewerOfA, request(t.http)]) {
      const res = await caller.get(`/api/reports/networks/${network.slug}/map?cityId=${c.id}`);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});
