import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { TileQueries } from '../src/tiles/tile-queries.js';
import { pointTileSql } from '../src/tiles/tiles.repository.js';
import { createTestApp, type TestApp } from './app.js';
import { createCity, tileOf, type TestCity } from './factories.js';
import { decodeUnordered } from './mvt.js';

/**
 * The tile SQL's own pool (api/src/tiles/tile-queries.ts): each statement is prepared once per
 * connection and planned generically — no planning per tile — and answers exactly what the same SQL
 * answers unprepared.
 */
let t: TestApp;
let db: DataSource;
let town: TestCity;
let queries: TileQueries;

beforeAll(async () => {
  t = await createTestApp();
  db = t.db;
  town = await createCity(db, [9.3 + Math.random() * 0.5, 51.3 + Math.random() * 0.5]);
  const units = await db.query<{ id: string }[]>(
    `INSERT INTO storefronts (city_id, street, house_number, location)
     SELECT $1, 'Kachelweg', n::text, ST_SetSRID(ST_MakePoint($2 + n * 0.0002, $3), 4326)
     FROM generate_series(1, 5) n RETURNING id`,
    [town.id, town.centre[0], town.centre[1]],
  );
  await db.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from)
     SELECT id, $1, CASE WHEN n % 2 = 0 THEN 'vacant' ELSE 'occupied' END, '2020-01-01'
     FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)`,
    [town.id, units.map((u) => u.id)],
  );
  // One connection, so that the statistics read below are the ones of the connection that ran the tiles.
  queries = new TileQueries({ ...t.app.get<AppConfig>(APP_CONFIG), databaseTilePoolSize: 1 });
});
afterAll(async () => {
  await queries.onApplicationShutdown();
  await t.close();
});

it('prepares a tile statement once per connection, plans it generically, and answers like the unprepared SQL', async () => {
  const here = { z: 14, ...tileOf(town.centre[0], town.centre[1], 14) };
  const filter = { asOf: '2026-06-30', cityIds: [town.id] };
  const answers: { prepared: string | null; unprepared: string | null }[] = [];
  let text = '';
  for (const tile of [here, { ...here, x: here.x + 1 }, here]) {
    const { sql, params } = pointTileSql(tile, filter);
    text = sql;
    const prepared = await queries.first<{ mvt: string | null }>(sql, params);
    const [unprepared] = await db.query<{ mvt: string | null }[]>(sql, params);
    answers.push({ prepared: prepared?.mvt ?? null, unprepared: unprepared?.mvt ?? null });
  }

  expect(answers[0]!.prepared).toBeTruthy(); // the tile with the five units is not empty
  // the same features (in the order each plan read them: a generic plan may scan otherwise)
  const features = (mvt: string | null) => decodeUnordered(Buffer.from(mvt ?? '', 'base64'));
  expect(features(answers[0]!.prepared).storefronts).toHaveLength(5);
  for (const a of answers) expect(features(a.prepared)).toEqual(features(a.unprepared));
  const plans = await queries.first<{ statements: number; generic: number; custom: number }>(
    `SELECT count(*)::int AS statements, sum(generic_plans)::int AS generic, sum(custom_plans)::int AS custom
     FROM pg_prepared_statements WHERE statement = $1`,
    [text],
  );
  expect(plans).toEqual({ statements: 1, generic: 3, custom: 0 });
});
