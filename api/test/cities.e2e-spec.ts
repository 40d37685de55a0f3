import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { grant, signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { settled } from './settled.js';

let t: TestApp;
let api: Agent;
let city: TestCity;
beforeAll(async () => {
  t = await createTestApp();
  api = await signedIn(t, []);
});
afterAll(() => t.close());
beforeEach(async () => {
  city = await createCity(t.db);
  await grant(t, api, { role: 'city_editor', cityId: city.id });
});

const square = (lon: number, lat: number, half: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon - half, lat - half],
      [lon + half, lat - half],
      [lon + half, lat + half],
      [lon - half, lat + half],
      [lon - half, lat - half],
    ],
  ],
});

describe('towns', () => {
  it('reads a town by slug with boundary and perimeter as GeoJSON', async () => {
    const res = await api.get(`/api/cities/${city.slug}`).expect(200);
    expect(res.body).toMatchObject({
      id: city.id,
      perimeterIsPlaceholder: true,
      version: 1,
      storefrontCount: 0,
    });
    expect(res.body.boundary.type).toBe('MultiPolygon');
    expect(res.body.perimeter.type).toBe('MultiPolygon');
    expect(res.body.bbox[0]).toBeCloseTo(city.centre[0] - 0.05, 6);
  });

  it('says whether a town’s storefronts are synthetic demo data (the dashboard labels its figures)', async () => {
    const add = (synthetic: boolean) =>
      t.db.query(
        `INSERT INTO storefronts (city_id, street, location, is_synthetic)
         VALUES ($1, 'Teststraße', ST_SetSRID(ST_MakePoint($2, $3), 4326), $4)`,
        [city.id, city.centre[0], city.centre[1], synthetic],
      );
    const isSynthetic = async () => {
      const list = await api.get('/api/cities').expect(200);
      const listed = list.body.find((c: { id: string }) => c.id === city.id);
      const one = await api.get(`/api/cities/${city.slug}`).expect(200);
      expect(one.body.isSynthetic).toBe(listed.isSynthetic);
      return listed.isSynthetic as boolean;
    };
    expect(await isSynthetic()).toBe(false); // no storefronts
    await add(false);
    expect(await isSynthetic()).toBe(false); // real ones only
    await add(true);
    expect(await isSynthetic()).toBe(true);

    // a closed town's register is nobody else's business: like its unit count, not told to strangers
    const closed = await createCity(t.db, [11.2, 50.6], 20000, false);
    await t.db.query(
      `INSERT INTO storefronts (city_id, street, location, is_synthetic)
       VALUES ($1, 'Teststraße', ST_SetSRID(ST_MakePoint($2, $3), 4326), true)`,
      [closed.id, closed.centre[0], closed.centre[1]],
    );
    const stranger = (await request(t.http).get(`/api/cities/${closed.slug}`).expect(200)).body;
    expect(stranger).toMatchObject({ storefrontCount: null, isSynthetic: false });
    const admin = await signedIn(t, [], true);
    expect((await admin.get(`/api/cities/${closed.slug}`).expect(200)).body).toMatchObject({
      storefrontCount: 1,
      isSynthetic: true,
    });
  });

  it('keeps each town’s unit count exact through inserts, deletes, moves and flag changes', async () => {
    const other = await createCity(t.db, [11.3, 50.7]);
    const towns = [city.id, other.id];
    const kept = () =>
      t.db.query(
        `SELECT city_id AS "cityId", storefronts, synthetic FROM town_unit_counts
         WHERE city_id = ANY($1::uuid[]) ORDER BY city_id`,
        [towns],
      );
    const counted = () =>
      t.db.query(
        `SELECT city_id AS "cityId", count(*)::int AS storefronts, (count(*) FILTER (WHERE is_synthetic))::int AS synthetic
         FROM storefronts WHERE city_id = ANY($1::uuid[]) GROUP BY city_id ORDER BY city_id`,
        [towns],
      );
    const listed = async (id: string) =>
      (await api.get('/api/cities').expect(200)).body.find((c: { id: string }) => c.id === id)
        ?.storefrontCount;

    // one statement, two towns: five units here (two synthetic), three there (one synthetic)
    await t.db.query(
      `INSERT INTO storefronts (city_id, street, location, is_synthetic)
       SELECT CASE WHEN i <= 5 THEN $1 ELSE $2 END::uuid, 'Teststraße ' || i,
              ST_SetSRID(ST_MakePoint(CASE WHEN i <= 5 THEN $3::float8 ELSE $4::float8 END, 50.5), 4326), i IN (1, 2, 6)
       FROM generate_series(1, 8) i`,
      [city.id, other.id, city.centre[0], 11.3],
    );
    expect(await kept()).toEqual(await counted());
    expect(await listed(city.id)).toBe(5);

    await t.db.query(
      `DELETE FROM storefronts WHERE city_id = $1 AND street IN ('Teststraße 1', 'Teststraße 3')`,
      [city.id],
    );
    await t.db.query(`UPDATE storefronts SET city_id = $1 WHERE street = 'Teststraße 6'`, [city.id]);
    await t.db.query(
      `UPDATE storefronts SET is_synthetic = NOT is_synthetic WHERE street IN ('Teststraße 2', 'Teststraße 4')`,
    );
    await t.db.query(`UPDATE storefronts SET street = street || 'a' WHERE city_id = $1`, [other.id]); // no change
    // here: 2 (now real), 4 (now synthetic), 5, 6 (moved, synthetic); there: 7, 8
    const expected = [
      { cityId: city.id, storefronts: 4, synthetic: 2 },
      { cityId: other.id, storefronts: 2, synthetic: 0 },
    ].sort((a, b) => (a.cityId < b.cityId ? -1 : 1));
    expect(await kept()).toEqual(expected);
    expect(await counted()).toEqual(expected);
    expect(await listed(other.id)).toBe(2);

    // a rollback takes the count back with the rows; the rebuild agrees with the triggers
    await t.db
      .transaction(async (em) => {
        await em.query(`DELETE FROM storefronts WHERE city_id = $1`, [city.id]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await kept()).toEqual(expected);
    await t.db.query(`SELECT town_unit_counts_rebuild()`);
    expect(await kept()).toEqual(expected);

    // the count goes with its town
    await t.db.query(`DELETE FROM storefronts WHERE city_id = $1`, [other.id]);
    expect(await kept()).toEqual(expected.map((c) => (c.cityId === other.id ? { ...c, storefronts: 0 } : c)));
    await t.db.query(`DELETE FROM cities WHERE id = $1`, [other.id]);
    expect(await kept()).toEqual(expected.filter((c) => c.cityId === city.id));
  });

  it('refuses a list filter it would not apply: two networks, a malformed one, an unknown parameter', async () => {
    for (const query of [
      'network=a&network=b',
      'network[]=x',
      'network=Th%C3%BCringer%20Becken',
      'foo=bar',
    ]) {
      const res = await api.get(`/api/cities?${query}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await api.get('/api/cities?network=no-such-network').expect(200)).body).toEqual([]);
  });

  it('answers 404 for an unknown town', async () => {
    expect((await api.get('/api/cities/atlantis').expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('replaces the placeholder perimeter with an uploaded polygon', async () => {
    const [lon, lat] = city.centre;
    const feature = {
      type: 'Feature',
      properties: { name: 'Innenstadt' },
      geometry: square(lon, lat, 0.003),
    };
    const res = await api
      .put(`/api/cities/${city.id}/perimeter`)
      .send({ perimeter: feature, version: 1 })
      .expect(200);
    expect(res.body).toMatchObject({ perimeterIsPlaceholder: false, version: 2 });
    const [{ area }] = await t.db.query(
      `SELECT ST_Area(perimeter::geography) AS area FROM cities WHERE id = $1`,
      [city.id],
    );
    expect(area).toBeGreaterThan(200_000);
    expect(area).toBeLessThan(300_000);
  });

  it('rejects a self-intersecting perimeter with the reason, keeping the old one', async () => {
    const [lon, lat] = city.centre;
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 0.01, lat + 0.01],
          [lon + 0.01, lat],
          [lon, lat + 0.01],
          [lon, lat],
        ],
      ],
    };
    const res = await api
      .put(`/api/cities/${city.id}/perimeter`)
      .send({ perimeter: bowtie, version: 1 })
      .expect(422);
    expect(res.body.code).toBe('INVALID_GEOMETRY');
    expect(res.body.message).toMatch(/Self-intersection/i);
    expect((await api.get(`/api/cities/${city.id}`)).body.perimeterIsPlaceholder).toBe(true);
  });

  it.each([
    ['a point', { type: 'Point', coordinates: [10, 51] }],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [10, 51],
            [10.1, 51],
            [10.1, 51.1],
            [10, 51.1],
          ],
        ],
      },
    ],
    [
      'coordinates out of range',
      {
        type: 'Polygon',
        coordinates: [
          [
            [10, 51],
            [190, 51],
            [10, 52],
            [10, 51],
          ],
        ],
      },
    ],
    ['an empty collection', { type: 'FeatureCollection', features: [] }],
  ])('rejects %s as INVALID_GEOMETRY', async (_, perimeter) => {
    const res = await api.put(`/api/cities/${city.id}/perimeter`).send({ perimeter, version: 1 }).expect(422);
    expect(res.body.code).toBe('INVALID_GEOMETRY');
  });

  it('rejects a perimeter entirely outside the town', async () => {
    const res = await api
      .put(`/api/cities/${city.id}/perimeter`)
      .send({ perimeter: square(city.centre[0] + 1, city.centre[1], 0.01), version: 1 })
      .expect(422);
    expect(res.body.code).toBe('OUTSIDE_TOWN');
  });

  it('rejects a perimeter reaching over 1 km beyond the town, or larger than 50 km², keeping the old one', async () => {
    const [lon, lat] = city.centre; // the test town's boundary: ± 0.05° around its centre
    const put = (perimeter: object, version: number) =>
      api.put(`/api/cities/${city.id}/perimeter`).send({ perimeter, version });
    const world = {
      type: 'Polygon',
      coordinates: [
        [
          [-180, -90],
          [180, -90],
          [180, 90],
          [-180, 90],
          [-180, -90],
        ],
      ],
    };
    const tooLarge = (await put(world, 1).expect(422)).body;
    expect(tooLarge).toMatchObject({ code: 'INVALID_GEOMETRY', details: { reason: 'perimeter_too_large' } });
    expect(tooLarge.message).toContain('50 km²');
    // a strip from the centre northwards, 0.02° (2.2 km) beyond the boundary's northern edge
    const strip = (north: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [lon - 0.005, lat],
          [lon + 0.005, lat],
          [lon + 0.005, lat + north],
          [lon - 0.005, lat + north],
          [lon - 0.005, lat],
        ],
      ],
    });
    const beyond = (await put(strip(0.07), 1).expect(422)).body;
    expect(beyond).toMatchObject({ code: 'OUTSIDE_TOWN', details: { reason: 'perimeter_beyond' } });
    expect((await api.get(`/api/cities/${city.id}`).expect(200)).body).toMatchObject({
      version: 1,
      perimeterIsPlaceholder: true,
    });
    // 0.005° (550 m) beyond: a border street drawn generously is accepted
    await put(strip(0.055), 1).expect(200);
  });

  it('answers 409 on a stale town version', async () => {
    const res = await api
      .put(`/api/cities/${city.id}/perimeter`)
      .send({ perimeter: square(city.centre[0], city.centre[1], 0.003), version: 7 })
      .expect(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
  });

  it('lists towns of a network and networks with their members', async () => {
    const slug = `test-net-${Date.now()}`;
    const [net] = await t.db.query(`INSERT INTO networks (slug, name) VALUES ($1, 'Testnetz') RETURNING id`, [
      slug,
    ]);
    await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [net.id, city.id]);
    await settled(t);
    const cities = await api.get(`/api/cities?network=${slug}`).expect(200);
    expect(cities.body.map((c: { id: string }) => c.id)).toEqual([city.id]);
    expect(cities.body[0].networkSlugs).toEqual([slug]);
    const network = await api.get(`/api/networks/${slug}`).expect(200);
    expect(network.body).toMatchObject({ slug, name: 'Testnetz', cityIds: [city.id] });
    await api.get('/api/networks/no-such-network').expect(404);
  });
});
