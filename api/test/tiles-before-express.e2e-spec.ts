import 'reflect-metadata';
import request from 'supertest';
import { binary } from './binary-body.js';
import { ChangeFeed } from '../src/database/change-feed.js';
import { TileLane } from '../src/tiles/tile-lane.js';
import { TileReplay } from '../src/tiles/tile-replay.js';
import { TilesService } from '../src/tiles/tiles.service.js';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, tileOf, type TestCity } from './factories.js';
import { agreeing, settled } from './settled.js';

/**
 * Tile requests meet TileReplay and TileLane before Express and Nest. The replay answers repeated
 * requests exactly as the full pipeline did, and never once the data, the viewer's access or the
 * change feed moved on. The lane answers the other tile requests the pipeline would answer 200/304,
 * with the same bytes and headers, and hands everything else to the pipeline.
 */

let t: TestApp;
let city: TestCity;
let tilePath: string;
/** How often a tile was built or looked up (TilesService), by the pipeline or the lane. */
let pipelineCalls = 0;
/** Who answered each 200 that was not a replay: 'pipeline' (the controller) or 'lane'. */
const answeredBy: ('pipeline' | 'lane')[] = [];

const get = (path: string, headers: Record<string, string> = {}) =>
  request(t.http).get(path).set(headers).buffer(true).parse(binary);

/** The headers of an answer that must be equal between the pipeline and a replay. */
const stableHeaders = (res: request.Response): Record<string, unknown> => {
  const { 'x-request-id': _id, date: _date, ...rest } = res.headers as Record<string, unknown>;
  return rest;
};

/**
 * Asks twice and returns the second answer if the replay gave it (the pipeline was not asked), else
 * tries again after a pause: other test files share the database, and their writes to users, grants
 * or towns empty every process's replays (topic `auth`) at moments this suite does not control — at
 * times several in a row (a suite's set-up signing in one user after another; with the whole suite
 * running, the authorisation matrix's set-up kept them empty for over 10 s once).
 */
const REPLAY_WAIT_MS = 25_000;
async function replayed(ask: () => Promise<request.Response>): Promise<[request.Response, request.Response]> {
  const deadline = Date.now() + REPLAY_WAIT_MS;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    const first = await ask();
    const calls = pipelineCalls;
    const second = await ask();
    if (pipelineCalls === calls) return [first, second];
    await new Promise((resolve) => setTimeout(resolve, Math.min(20 * attempt, 500)));
  }
  throw new Error(`no request was replayed within ${REPLAY_WAIT_MS / 1000} s`);
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
  const replay = t.app.get(TileReplay);
  const record = replay.record.bind(replay);
  replay.record = (req, signedIn, answer, fromPipeline) => {
    answeredBy.push(fromPipeline ? 'pipeline' : 'lane');
    record(req, signedIn, answer, fromPipeline);
  };
  await settled(t);
});

afterAll(async () => {
  await t?.close();
});

describe('tile lane', () => {
  let lane: TileLane;
  let closed: TestCity;
  let closedEditor: Agent;
  let closedPath: string;
  let v = 0;
  /** A URL no replay knows yet: `v` is the map's cache-busting parameter; it does not change the tile. */
  const fresh = (path: string): string => `${path}${path.includes('?') ? '&' : '?'}v=lane${(v += 1)}`;

  beforeAll(async () => {
    lane = t.app.get(TileLane);
    closed = await createCity(t.db, [7.51, 51.81], 20000, false);
    closedEditor = await editorOf(t, closed.id);
    await closedEditor.post('/api/storefronts').send(storefrontBody(closed)).expect(201);
    const { x, y } = tileOf(closed.centre[0] + 0.001, closed.centre[1] + 0.001, 14);
    closedPath = `/api/tiles/storefronts/14/${x}/${y}`;
    await settled(t);
    await get(fresh(tilePath)).expect(200); // the pipeline has answered a tile: the lane may start
  });

  afterEach(() => {
    lane.enabled = true;
  });

  /** The same request through the pipeline (lane off) and through the lane; fresh URLs, no replays. */
  async function bothWays(
    ask: (path: string) => Promise<request.Response>,
    path: string,
  ): Promise<{ pipeline: request.Response; viaLane: request.Response; lanes: number }> {
    lane.enabled = false;
    const pipeline = await ask(fresh(path));
    lane.enabled = true;
    const before = answeredBy.filter((who) => who === 'lane').length;
    const viaLane = await ask(fresh(path));
    return { pipeline, viaLane, lanes: answeredBy.filter((who) => who === 'lane').length - before };
  }

  it.each([
    ['anonymous, an open-data town with filters', () => `${tilePath}&status=occupied,vacant&asOf=2024-02-29`],
    ['anonymous, every open-data town', () => tilePath.split('?')[0]!],
    ['a .pbf address', () => `${tilePath.split('?')[0]!}.pbf?cityId=${city.id}`],
  ])('answers an uncached tile itself, as the pipeline would: %s', async (_case, path) => {
    // Every open-data town's version is in the ETag: another test file's commit in between changes it.
    const [byLane, byPipeline] = await agreeing(async () => {
      const { pipeline, viaLane, lanes } = await bothWays((p) => get(p).expect(200), path());
      expect(lanes).toBe(1);
      const answer = (r: request.Response) => ({ body: r.body as unknown, headers: stableHeaders(r) });
      return [answer(viaLane), answer(pipeline)];
    });
    expect(byLane.body).toEqual(byPipeline.body);
    expect(byLane.headers).toEqual(byPipeline.headers);
    expect(byLane.headers['content-security-policy']).toBeDefined();
    expect(byLane.headers['cache-control']).toMatch(/^public/);
  });

  it('answers a signed-in viewer from their session, privately', async () => {
    const ask = (p: string) => closedEditor.get(p).buffer(true).parse(binary).expect(200);
    for (const path of [`${closedPath}?cityId=${closed.id}`, closedPath]) {
      // Without a town, the viewer's tile covers every open-data town too: another test file's commit
      // in between changes the ETag (as for the anonymous cases above).
      const [byLane, byPipeline] = await agreeing(async () => {
        const { pipeline, viaLane, lanes } = await bothWays(ask, path);
        expect(lanes).toBe(1);
        const answer = (r: request.Response) => ({ body: r.body as Buffer, headers: stableHeaders(r) });
        return [answer(viaLane), answer(pipeline)];
      });
      expect(byLane.body.length).toBeGreaterThan(0);
      expect(byLane.body).toEqual(byPipeline.body);
      expect(byLane.headers).toEqual(byPipeline.headers);
      expect(byLane.headers['cache-control']).toMatch(/^private/);
    }
  });

  it("keeps the caller's request id and answers 304 to a current ETag", async () => {
    const first = await get(fresh(tilePath), { 'X-Request-Id': 'map-view-0001' }).expect(200);
    expect(first.headers['x-request-id']).toBe('map-view-0001');
    const { pipeline, viaLane } = await bothWays(
      (p) => get(p, { 'If-None-Match': first.headers.etag as string }).expect(304),
      tilePath,
    );
    expect(stableHeaders(viaLane)).toEqual(stableHeaders(pipeline));
    expect(viaLane.headers['content-type']).toBeUndefined();
  });

  it.each([
    ['anonymous, a town that does not publish', () => ({ path: `${closedPath}?cityId=${closed.id}` })],
    ['signed in without access', () => ({ path: `${closedPath}?cityId=${closed.id}`, stranger: true })],
    ['a tile address outside the world', () => ({ path: '/api/tiles/storefronts/3/8/1' })],
    ['a malformed zoom', () => ({ path: '/api/tiles/storefronts/fourteen/1/1' })],
    ['an unknown status', () => ({ path: `${tilePath}&status=leer` })],
    ['a date that does not exist', () => ({ path: `${tilePath}&asOf=2023-02-29` })],
    ['an unknown parameter', () => ({ path: `${tilePath}&colour=red` })],
    ['a town id that is not an id', () => ({ path: '/api/tiles/storefronts/14/1/1?cityId=gotha' })],
  ])('hands the request to the pipeline, which answers it: %s', async (_case, make) => {
    const { path, stranger } = make() as { path: string; stranger?: boolean };
    const agent = stranger ? await signedIn(t, []) : undefined;
    const ask = async (p: string) => (agent ? agent.get(p) : request(t.http).get(p));
    const { pipeline, viaLane, lanes } = await bothWays(ask, path);
    expect(lanes).toBe(0);
    expect(pipeline.status).toBeGreaterThanOrEqual(400);
    expect(viaLane.status).toBe(pipeline.status);
    expect(viaLane.headers['content-type']).toMatch(/json/);
    expect((viaLane.body as { code: string }).code).toBe((pipeline.body as { code: string }).code);
  });
});

describe('tile replay', () => {
  it(
    'answers a repeated request itself, with the same bytes and headers as the pipeline',
    async () => {
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
    },
    2 * REPLAY_WAIT_MS + 10_000,
  );

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

  it(
    'replays per session: another viewer gets their own answer, a signed-out one none',
    async () => {
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
    },
    REPLAY_WAIT_MS + 10_000,
  );

  it('leaves every request to the pipeline while the change feed is down', async () => {
    await get(tilePath).expect(200);
    await t.app.get(ChangeFeed).onApplicationShutdown();
    expect(t.app.get(ChangeFeed).live).toBe(false);
    const calls = pipelineCalls;
    await get(tilePath).expect(200);
    await get(tilePath).expect(200);
    expect(pipelineCalls).toBe(calls + 2);
  });
});
