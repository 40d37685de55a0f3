import 'reflect-metadata';
import request from 'supertest';
import { ChangeFeed } from '../src/database/change-feed.js';
import { TilesService } from '../src/tiles/tiles.service.js';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import { settled } from './settled.js';

/**
 * TileReplay answers repeated tile requests before Express and Nest. It must answer exactly as the
 * full pipeline did, and never once the data, the viewer's access or the change feed moved on.
 */

let t: TestApp;
let city: TestCity;
let tilePath: string;
/** How often the full pipeline (TilesService) was asked. */
let pipelineCalls = 0;

function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n),
  };
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const get = (path: string, headers: Record<string, string> = {}) =>
  request(t.http).get(path).set(headers).buffer(true).parse(binary);

/** The headers of an answer that must be equal between the pipeline and a replay. */
const stableHeaders = (res: request.Response): Record<string, unknown> => {
  const { 'x-request-id': _id, date: _date, ...rest } = res.headers as Record<string, unknown>;
  return rest;
};

/**
 * Asks twice and returns the second answer if the replay gave it (the pipeline was not asked), else
 * tries again: other suites share the database and their writes to users, grants or towns empty
 * every process's replays (topic `auth`) at moments this suite does not control.
 */
async function replayed(ask: () => Promise<request.Response>): Promise<[request.Response, request.Response]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = await ask();
    const calls = pipelineCalls;
    const second = await ask();
    if (pipelineCalls === calls) return [first, second];
  }
  throw new Error('no request was replayed in 20 attempts');
}

beforeAll(async () => {
  t = await createTestApp();
  city = await createCity(t.db, [7.31, 51.61]);
  const editor = await editorOf(t, city.id);
  await editor.post('/api/storefronts').send(storefrontBody(city)).expect(201);
  const { x, y } = tileOf(city.centre[0] + 0.001, city.centre[1] + 0.001, 14);
  tilePath = `/api/tiles/storefronts/14/${x}/${y}?cityId=${city.id}`;
  const service = t.app.get(TilesService);
  const original = service.storefrontTile.bind(service);
  service.storefrontTile = (...args) => {
    pipelineCalls += 1;
    return original(...args);
  };
  await settled(t);
});

afterAll(async () => {
  await t?.close();
});

describe('tile replay', () => {
  it('answers a repeated request itself, with the same bytes and headers as the pipeline', async () => {
    const [first, second] = await replayed(() => get(tilePath).expect(200));
    expect((first.body as Buffer).length).toBeGreaterThan(0);
    expect(second.body).toEqual(first.body);
    expect(stableHeaders(second)).toEqual(stableHeaders(first));
    expect(second.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(second.headers['content-security-policy']).toBeDefined();

    const [, revalidated] = await replayed(() =>
      get(tilePath, { 'If-None-Match': first.headers.etag as string }).expect(304),
    );
    expect((revalidated.body as Buffer).length).toBe(0);
    expect(revalidated.headers.etag).toBe(first.headers.etag);
  });

  it('stops replaying when the data changes in another process', async () => {
    const before = await get(tilePath).expect(200);
    await t.db.query(`UPDATE storefronts SET street = 'Replaygasse' WHERE city_id = $1`, [city.id]);
    await settled(t);
    const calls = pipelineCalls;
    const after = await get(tilePath).expect(200);
    expect(pipelineCalls).toBe(calls + 1);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((after.body as Buffer).toString('latin1')).toContain('Replaygasse');
  });

  it('stops replaying to the public when the town no longer publishes open data', async () => {
    await get(tilePath).expect(200);
    await get(tilePath).expect(200);
    await t.db.query(`UPDATE cities SET open_data = false WHERE id = $1`, [city.id]);
    await settled(t);
    const res = await get(tilePath).expect(401);
    expect(res.headers['content-type']).toMatch(/json/);
    await t.db.query(`UPDATE cities SET open_data = true WHERE id = $1`, [city.id]);
    await settled(t);
    await get(tilePath).expect(200);
  });

  it('replays per session: another viewer gets their own answer, a signed-out one none', async () => {
    const closed = await createCity(t.db, [7.41, 51.71], 20000, false);
    const editor = await editorOf(t, closed.id);
    await editor.post('/api/storefronts').send(storefrontBody(closed)).expect(201);
    const { x, y } = tileOf(closed.centre[0] + 0.001, closed.centre[1] + 0.001, 14);
    const path = `/api/tiles/storefronts/14/${x}/${y}?cityId=${closed.id}`;
    await settled(t);

    const [mine, again] = await replayed(() => editor.get(path).buffer(true).parse(binary).expect(200));
    expect(again.body).toEqual(mine.body);
    expect(again.headers['cache-control']).toMatch(/^private/);

    const stranger = await signedIn(t, []);
    await stranger.get(path).expect(403);
    await get(path).expect(401);

    await editor.post('/api/auth/sign-out').expect(204);
    await editor.get(path).expect(401);
  });

  it('leaves every request to the pipeline while the change feed is down', async () => {
    await get(tilePath).expect(200);
    await t.app.get(ChangeFeed).onModuleDestroy();
    expect(t.app.get(ChangeFeed).live).toBe(false);
    const calls = pipelineCalls;
    await get(tilePath).expect(200);
    await get(tilePath).expect(200);
    expect(pipelineCalls).toBe(calls + 2);
  });
});
