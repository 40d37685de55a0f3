import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './app.js';
import { createCity, tileOf } from './factories.js';

/**
 * A stop (SIGTERM from Docker, a rolling update) lets the requests in flight finish before the tile pool,
 * the report browser and the change feed close: those had closed first (Nest runs `onModuleDestroy` before it
 * closes the HTTP server), and a tile request still being answered failed with a 500.
 */
let t: TestApp | undefined;
afterAll(async () => {
  await t?.app.close().catch(() => undefined);
});

it('answers the requests in flight when it shuts down, and only then closes its pools', async () => {
  t = await createTestApp();
  const city = await createCity(t.db, [10.7, 50.95]);
  await t.db.query(
    `INSERT INTO storefronts (city_id, street, house_number, location)
     SELECT $1, 'Marktstraße', i::text, ST_SetSRID(ST_MakePoint(10.7 + i * 0.0003, 50.95), 4326)
     FROM generate_series(1, 20) i`,
    [city.id],
  );
  await t.app.listen(0, '127.0.0.1');
  const server = t.app.getHttpServer();
  const { port } = server.address() as AddressInfo;
  const { x, y } = tileOf(city.centre[0], city.centre[1], 16);
  const tiles = Array.from(
    { length: 12 },
    (_, i) => `/api/tiles/storefronts/16/${x + (i % 4)}/${y + Math.floor(i / 4)}`,
  );
  let received = 0;
  const allReceived = new Promise<void>((resolve) =>
    server.on('request', () => {
      if (++received === tiles.length) resolve();
    }),
  );
  const answers = Promise.all(
    tiles.map((path) =>
      fetch(`http://127.0.0.1:${port}${path}?cityId=${city.id}`).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }),
    ),
  );
  await allReceived;
  await t.app.close(); // what SIGTERM does with enableShutdownHooks
  const statuses = await answers;
  expect(statuses.filter((s) => s !== 200 && s !== 204)).toEqual([]);
  t = undefined;
});
