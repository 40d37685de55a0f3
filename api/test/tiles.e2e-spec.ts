import 'reflect-metadata';
import request from 'supertest';
import { binary } from './binary-body.js';
import { type DataSource } from 'typeorm';
import { TileCacheInvalidator } from '../src/tiles/data-version.service.js';
import { createTestApp, type TestApp } from './app.js';
import { tileOf } from './factories.js';
import { decode } from './mvt.js';
import { agreeing, settled } from './settled.js';

/**
 * Storefront vector tiles against real PostGIS: features and properties, filters and the as-of
 * date, grid aggregates at low zoom, empty tiles, ETag revalidation, and 400s for bad addresses.
 * Its town lies where no other suite puts data (the suites share one database), and it only ever
 * deletes its own rows.
 */

const CITY = '0a000000-0000-4000-8000-000000000001';
const OTHER_CITY = '0a000000-0000-4000-8000-000000000002';
const sf = (n: number): string => `0b000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The z14 tile that holds the test town's centre, and the centre of that tile in lon/lat. */
const Z = 14;
function tileCentre(x: number, y: number, z: number): [number, number] {
  const n = 2 ** z;
  const lon = ((x + 0.5) / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n))) * 180) / Math.PI;
  return [lon, lat];
}
const T = tileOf(8.917, 53.377, Z); // a quiet spot in Lower Saxony, away from other suites' towns
const [LON, LAT] = tileCentre(T.x, T.y, Z);

let testApp: TestApp;
let db: DataSource;

const getTile = (path: string) => request(testApp.http).get(path).buffer(true).parse(binary);
const pointTile = (query = '') => getTile(`/api/tiles/storefronts/${Z}/${T.x}/${T.y}?cityId=${CITY}${query}`);

async function seed(): Promise<void> {
  const d = 0.0004;
  const square = (cx: number, cy: number, r: number) =>
    `ST_Multi(ST_MakeEnvelope(${cx - r}, ${cy - r}, ${cx + r}, ${cy + r}, 4326))`;
  await db.query(`DELETE FROM storefronts WHERE city_id = ANY($1::uuid[])`, [[CITY, OTHER_CITY]]);
  await db.query(`DELETE FROM cities WHERE id = ANY($1::uuid[])`, [[CITY, OTHER_CITY]]);
  await db.query(
    `INSERT INTO cities (id, slug, name, ags, state, centre, boundary, perimeter, open_data) VALUES
      ($1, 'tile-town', 'Kachelstadt', '99990001', 'Thüringen', ST_SetSRID(ST_MakePoint($3, $4), 4326),
        ${square(LON, LAT, 0.01)}, ${square(LON, LAT, 0.0006)}, true),
      ($2, 'other-town', 'Anderstadt', '99990002', 'Thüringen', ST_SetSRID(ST_MakePoint($3, $4), 4326), NULL, NULL, true)`,
    [CITY, OTHER_CITY, LON, LAT],
  );
  // 1 occupied since 2015; 2 vacant since 2020 (occupied before); 3 vacant since 2023-06; 4 opened 2024;
  // 5 outside the perimeter, occupied; 6 belongs to another town.
  const units: [number, string, number, number][] = [
    [1, CITY, LON, LAT],
    [2, CITY, LON + d, LAT],
    [3, CITY, LON - d, LAT],
    [4, CITY, LON, LAT + d],
    [5, CITY, LON + 3 * d, LAT - 3 * d],
    [6, OTHER_CITY, LON - d, LAT - d],
  ];
  for (const [n, city, lon, lat] of units) {
    await db.query(
      `INSERT INTO storefronts (id, city_id, street, house_number, location, is_synthetic)
       VALUES ($1, $2, 'Steinweg', $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), true)`,
      [sf(n), city, String(n), lon, lat],
    );
  }
  const periods: [number, string, string | null, string, string | null][] = [
    [1, 'occupied', 'food_drink', '2015-01-01', null],
    [2, 'occupied', 'retail_daily', '2015-01-01', '2020-03-01'],
    [2, 'vacant', null, '2020-03-01', null],
    [3, 'occupied', 'services', '2015-01-01', '2023-06-01'],
    [3, 'vacant', null, '2023-06-01', null],
    [4, 'temporary_use', 'culture_leisure', '2024-01-01', null],
    [5, 'occupied', 'health', '2015-01-01', null],
    [6, 'vacant', null, '2015-01-01', null],
  ];
  for (const [n, status, category, from, to] of periods) {
    await db.query(
      `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from, valid_to)
       SELECT id, city_id, $2, $3, $4, $5 FROM storefronts WHERE id = $1`,
      [sf(n), status, category, from, to],
    );
  }
}

beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.db;
  await seed();
  // Both towns publish open data, so these anonymous requests may read them.
  await settled(testApp);
});

afterAll(async () => {
  await testApp?.close();
});

describe('GET /api/tiles/storefronts/:z/:x/:y', () => {
  it('carries every storefront of the town in the tile with its properties', async () => {
    const res = await pointTile('&asOf=2024-06-30');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.mapbox-vector-tile/);
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const features = decode(res.body as Buffer).storefronts ?? [];
    const byId = new Map(features.map((f) => [f.properties.id, f.properties]));
    expect([...byId.keys()].sort()).toEqual([sf(1), sf(2), sf(3), sf(4), sf(5)]);
    expect(byId.get(sf(2))).toEqual({
      id: sf(2),
      status: 'vacant',
      street: 'Steinweg',
      house_number: '2',
      status_since: '2020-03-01',
      inside_perimeter: true,
    });
    expect(byId.get(sf(1))?.use_category).toBe('food_drink');
    expect(byId.get(sf(5))?.inside_perimeter).toBe(false);
  });

  it('applies the status, vacancy-length and perimeter filters of the list', async () => {
    const ids = async (query: string): Promise<unknown[]> =>
      (decode((await pointTile(`&asOf=2024-06-30${query}`)).body as Buffer).storefronts ?? [])
        .map((f) => f.properties.id)
        .sort();
    expect(await ids('&status=vacant')).toEqual([sf(2), sf(3)]);
    expect(await ids('&status=vacant,temporary_use')).toEqual([sf(2), sf(3), sf(4)]);
    expect(await ids('&vacantForMonths=24')).toEqual([sf(2)]);
    expect(await ids('&withinPerimeter=true')).toEqual([sf(1), sf(2), sf(3), sf(4)]);
    expect(await ids('&useCategory=food_drink')).toEqual([sf(1)]);
  });

  it('shows the town as it was on the as-of date', async () => {
    const features = decode((await pointTile('&asOf=2019-12-31')).body as Buffer).storefronts ?? [];
    const statuses = Object.fromEntries(features.map((f) => [f.properties.id, f.properties.status]));
    expect(statuses).toEqual({
      [sf(1)]: 'occupied',
      [sf(2)]: 'occupied',
      [sf(3)]: 'occupied',
      [sf(5)]: 'occupied',
    });
  });

  it('aggregates units and vacancy share per grid cell below zoom 13', async () => {
    const z = 10;
    const t = tileOf(LON, LAT, z);
    const res = await getTile(`/api/tiles/storefronts/${z}/${t.x}/${t.y}?asOf=2024-06-30&cityId=${CITY}`);
    const both = decode(
      (await getTile(`/api/tiles/storefronts/${z}/${t.x}/${t.y}?asOf=2024-06-30`)).body as Buffer,
    );
    const unitsOfBoth = (both.storefront_cells ?? []).reduce((sum, c) => sum + Number(c.properties.units), 0);
    expect(unitsOfBoth).toBeGreaterThanOrEqual(6); // both test towns, and whatever else lies there
    expect(res.status).toBe(200);
    const layers = decode(res.body as Buffer);
    expect(layers.storefronts).toBeUndefined();
    const cells = layers.storefront_cells ?? [];
    const units = cells.reduce((sum, c) => sum + Number(c.properties.units), 0);
    const vacant = cells.reduce((sum, c) => sum + Number(c.properties.vacant), 0);
    expect(units).toBe(5);
    expect(vacant).toBe(2);
    for (const c of cells) {
      expect(c.properties.vacancy_share).toBeCloseTo(
        Number(c.properties.vacant) / Number(c.properties.units),
        4,
      );
    }
  });

  /** Cells of a low-zoom tile as `x y: units/vacant/share`, sorted (compares the grid with the on-the-fly path). */
  const cellsOf = async (path: string): Promise<string[]> => {
    const layer = decode((await getTile(path)).body as Buffer).storefront_cells ?? [];
    return layer
      .map((c) => `${c.at}: ${c.properties.units}/${c.properties.vacant}/${c.properties.vacancy_share}`)
      .sort();
  };

  it.each([5, 6, 7, 8, 10])(
    'serves today’s cells at z%i from the pre-aggregated grid, equal to the on-the-fly cells',
    async (z) => {
      const t = tileOf(LON, LAT, z);
      const base = `/api/tiles/storefronts/${z}/${t.x}/${t.y}?cityId=${CITY}`;
      // withinPerimeter=false filters nothing but is not kept by the grid: computed on the fly
      expect(await cellsOf(base)).toEqual(await cellsOf(`${base}&withinPerimeter=false`));
      const cells = decode((await getTile(base)).body as Buffer).storefront_cells ?? [];
      expect(cells.reduce((sum, c) => sum + Number(c.properties.units), 0)).toBe(5);
      expect(cells.reduce((sum, c) => sum + Number(c.properties.vacant), 0)).toBe(2);
      expect(await cellsOf(`${base}&status=vacant,occupied`)).toEqual(
        await cellsOf(`${base}&status=vacant,occupied&withinPerimeter=false`),
      );
      // Every open-data town: other test files' towns lie in a z5 tile too, and may change in between.
      const all = `/api/tiles/storefronts/${z}/${t.x}/${t.y}`;
      const [grid, onTheFly] = await agreeing(async () => [
        await cellsOf(all),
        await cellsOf(`${all}?withinPerimeter=false`),
      ]);
      expect(grid).toEqual(onTheFly);
    },
  );

  /** Coarse cells (tile_grid_coarse) that differ from the sums of their fine cells, anywhere. */
  const coarseMismatches = async (): Promise<number> =>
    (
      await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (
           SELECT city_id, ix >> 3 AS cx, iy >> 3 AS cy, sum(occupied)::int AS occupied, sum(vacant)::int AS vacant,
                  sum(temporary_use)::int AS temporary_use, sum(under_renovation)::int AS under_renovation,
                  sum(not_lettable)::int AS not_lettable, sum(demolished)::int AS demolished,
                  max(computed_on) AS computed_on, min(stale_from) AS stale_from
           FROM tile_grid_cells GROUP BY 1, 2, 3) f
         FULL JOIN tile_grid_coarse c USING (city_id, cx, cy)
         WHERE (f.*) IS DISTINCT FROM (c.city_id, c.cx, c.cy, c.occupied, c.vacant, c.temporary_use, c.under_renovation,
                                       c.not_lettable, c.demolished, c.computed_on, c.stale_from)`,
      )
    )[0]!.n;

  it.each([8, 6])('keeps the grid current when statuses change and units move (z%i)', async (z) => {
    const t = tileOf(LON, LAT, z);
    const base = `/api/tiles/storefronts/${z}/${t.x}/${t.y}?cityId=${CITY}`;
    const totals = async (path: string) => {
      const cells = decode((await getTile(path)).body as Buffer).storefront_cells ?? [];
      return [
        cells.reduce((sum, c) => sum + Number(c.properties.units), 0),
        cells.reduce((sum, c) => sum + Number(c.properties.vacant), 0),
      ];
    };
    expect(await totals(base)).toEqual([5, 2]);
    const gridUnits = async () =>
      (
        await db.query<{ n: number }[]>(
          `SELECT sum(occupied + vacant + temporary_use + under_renovation + not_lettable + demolished)::int AS n,
                  sum(vacant)::int AS v FROM tile_grid_cells WHERE city_id = $1`,
          [CITY],
        )
      )[0];
    expect(await gridUnits()).toEqual({ n: 5, v: 2 });
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    await db.transaction(async (em) => {
      await em.query(
        `UPDATE occupancy_periods SET valid_to = $2 WHERE storefront_id = $1 AND valid_to IS NULL`,
        [sf(1), yesterday],
      );
      await em.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) VALUES ($1, $2, 'vacant', $3)`,
        [sf(1), CITY, yesterday],
      );
    });
    await settled(testApp);
    expect(await totals(base)).toEqual([5, 3]);
    expect(await gridUnits()).toEqual({ n: 5, v: 3 });
    expect(await cellsOf(base)).toEqual(await cellsOf(`${base}&withinPerimeter=false`));
    // a unit moved far away leaves this tile's cells
    await db.query(
      `UPDATE storefronts SET location = ST_SetSRID(ST_MakePoint(13.4, 52.5), 4326) WHERE id = $1`,
      [sf(5)],
    );
    await settled(testApp);
    expect(await totals(base)).toEqual([4, 3]);
    expect(await coarseMismatches()).toBe(0);
    await db.query(`UPDATE storefronts SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326) WHERE id = $1`, [
      sf(5),
      LON + 0.0012,
      LAT - 0.0012,
    ]);
    await settled(testApp);
    expect(await totals(base)).toEqual([5, 3]);
    await db.query(`DELETE FROM occupancy_periods WHERE storefront_id = $1 AND status = 'vacant'`, [sf(1)]);
    await db.query(`UPDATE occupancy_periods SET valid_to = NULL WHERE storefront_id = $1`, [sf(1)]);
    await settled(testApp);
    expect(await totals(base)).toEqual([5, 2]);
    expect(await coarseMismatches()).toBe(0);
    await db.query(`SELECT tile_grid_rebuild()`);
    expect(await coarseMismatches()).toBe(0);
    expect(await totals(base)).toEqual([5, 2]);
  });

  it('answers an area without storefronts with an empty tile, not an error', async () => {
    const ocean = tileOf(-30, 40, Z);
    const res = await getTile(`/api/tiles/storefronts/${Z}/${ocean.x}/${ocean.y}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.mapbox-vector-tile/);
    expect((res.body as Buffer).length).toBe(0);
    expect(Object.keys(decode(res.body as Buffer))).toEqual([]);
    const world = await getTile('/api/tiles/storefronts/0/0/0?asOf=1900-01-01');
    expect(world.status).toBe(200);
    expect((world.body as Buffer).length).toBe(0);
  });

  it('revalidates with the ETag and changes it when the data changes', async () => {
    const first = await pointTile('&asOf=2030-01-01');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await getTile(
      `/api/tiles/storefronts/${Z}/${T.x}/${T.y}?cityId=${CITY}&asOf=2030-01-01`,
    ).set('If-None-Match', etag);
    expect(again.status).toBe(304);

    await db.query(`UPDATE storefronts SET street = 'Kornmarkt' WHERE id = $1`, [sf(1)]);
    await settled(testApp);
    const changed = await pointTile('&asOf=2030-01-01');
    expect(changed.headers.etag).not.toBe(etag);
    const street = (decode(changed.body as Buffer).storefronts ?? []).find((f) => f.properties.id === sf(1));
    expect(street?.properties.street).toBe('Kornmarkt');

    const before = changed.headers.etag as string;
    testApp.app.get(TileCacheInvalidator).invalidate();
    expect((await pointTile('&asOf=2030-01-01')).headers.etag).not.toBe(before);
  });

  it.each([
    ['/api/tiles/storefronts/23/0/0', 'z'],
    ['/api/tiles/storefronts/2/4/0', 'x'],
    ['/api/tiles/storefronts/2/0/4', 'y'],
    ['/api/tiles/storefronts/-1/0/0', 'z'],
    ['/api/tiles/storefronts/a/0/0', 'z'],
  ])('rejects the tile address %s with 400', async (path, field) => {
    const res = await request(testApp.http).get(path);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(field) as string,
      details: { fields: [expect.objectContaining({ field }) as unknown] },
    });
  });

  it.each(['status=gone', 'asOf=2024-02-30', 'asOf=yesterday', 'vacantForMonths=-1', 'cityId=42', 'bogus=1'])(
    'rejects the filter %s with 400',
    async (query) => {
      const res = await request(testApp.http).get(`/api/tiles/storefronts/14/0/0?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    },
  );
});
