import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../db/data-source.js';
import { todayIso } from '../src/common/validators.js';
import { OCCUPANCY_STATUSES } from '../src/storefronts/storefront.types.js';
import { cellTileSql, pointTileSql } from '../src/tiles/tiles.repository.js';
import type { Size } from './dataset.js';
import { fmt, verdict } from './format.js';
import { importWorkload, removeImportTowns } from './import-workload.js';
import { kpiWorkloads } from './kpi-workload.js';
import {
  bareServer,
  bareTileServer,
  closedLoop,
  pgbench,
  quantile,
  wrk,
  type LoadResult,
  type Request,
} from './load.js';

export interface BenchTown {
  id: string;
  lon: number;
  lat: number;
  units: number;
}

export interface BenchContext {
  base: string;
  api: ChildProcess;
  admin: { email: string; password: string };
  dbUrl: URL;
  size: Size;
  mixedSeconds: number;
  /** Run only these workloads (tiles, cached, lowzoom, kpis, import, mixed); undefined = all. */
  only?: Set<string>;
  log: (msg: string) => void;
}

const CLIENTS = 8;
/** Uncached tiles: rounds of pgbench and the API, each this long. */
const TILE_ROUNDS = 3;
const ROUND_SECONDS = 5;
const load = (r: LoadResult): string =>
  `${r.requests} requests in ${fmt(r.seconds)} s = ${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ` +
  `errors ${r.errors}${r.firstError ? ` (first: ${r.firstError})` : ''}`;

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n),
  ];
}

/** Deterministic shuffle (the same order every run). */
function shuffled<T>(items: T[]): T[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The list in `n` consecutive parts of (nearly) equal length. */
function parts<T>(items: T[], n: number): T[][] {
  const size = Math.ceil(items.length / n);
  return Array.from({ length: n }, (_, i) => items.slice(i * size, (i + 1) * size));
}

const median = (values: number[]): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/** Tiles around every town centre (3 × 3), distinct, shuffled. */
function tilesAround(towns: { lon: number; lat: number }[], z: number, radius: number): [number, number][] {
  const seen = new Set<string>();
  for (const t of towns) {
    const [x, y] = tileOf(t.lon, t.lat, z);
    for (let dx = -radius; dx <= radius; dx++)
      for (let dy = -radius; dy <= radius; dy++) seen.add(`${x + dx},${y + dy}`);
  }
  return shuffled([...seen].map((k) => k.split(',').map(Number) as [number, number]));
}

/**
 * Tiles per pgbench transaction. A transaction first reads its tiles' addresses and dates from
 * `bench_tiles` (pgbench has no other way to walk a list): one row per TILES_PER_TRANSACTION
 * consecutive tiles of the shuffled list, fetched by primary key. Until the ninth session one lookup
 * per tile: a round trip of its own, at S a third of what a tile costs the database (58,900 lookups/s
 * alone against 10,600 tiles/s) — a handicap for the comparator. (Eight scalar subqueries per lookup,
 * tried first, cost the database as much as eight lookups.)
 */
const TILES_PER_TRANSACTION = 8;

/**
 * The API's tile SQL with its parameters as literals and the tile address and date as pgbench
 * variables (prepared: sent as parameters; simple protocol: pasted as text, so the date quoted), run for
 * TILES_PER_TRANSACTION random tiles of the list per transaction (`pgbenchTiles` converts the rates).
 */
function pgbenchScript(z: number, groups: number, prepared: boolean): string {
  const X = 987654321;
  const Y = 123456789;
  const D = '1999-12-31';
  const tile = { z, x: X, y: Y };
  const { sql, params } = z >= 13 ? pointTileSql(tile, { asOf: D }) : cellTileSql(tile, { asOf: D });
  let text = sql;
  for (let i = params.length; i >= 1; i--) {
    const v = params[i - 1];
    const literal =
      v === X
        ? ':tx'
        : v === Y
          ? ':ty'
          : v === D
            ? ':td'
            : typeof v === 'number'
              ? String(v)
              : `'${String(v)}'`;
    text = text.replaceAll(`$${i}`, literal);
  }
  text = text.replace(/\s+/g, ' ').trim();
  const n = Array.from({ length: TILES_PER_TRANSACTION }, (_, k) => k + 1);
  const day = (k: number): string => (prepared ? `day[${k}]` : `quote_literal(day[${k}])`);
  return [
    `\\set g random(1, ${groups})`,
    `SELECT ${n.map((k) => `x[${k}] AS tx${k}, y[${k}] AS ty${k}, ${day(k)} AS td${k}`).join(', ')} ` +
      `FROM bench_tiles WHERE z = ${z} AND g = :g \\gset`,
    ...n.map((k) => `${text.replace(/:t([xyd])\b/g, `:t$1${k}`)};`),
    '',
  ].join('\n');
}

/** pgbench on the tile script: tiles per second and the mean latency per tile. */
function pgbenchTiles(
  z: number,
  tiles: number,
  opts: { url: URL; clients: number; seconds: number; prepared?: boolean },
): { tps: number; latencyMs: number } {
  const groups = Math.floor(tiles / TILES_PER_TRANSACTION);
  const r = pgbench(pgbenchScript(z, groups, opts.prepared ?? false), opts);
  return { tps: r.tps * TILES_PER_TRANSACTION, latencyMs: r.latencyMs / TILES_PER_TRANSACTION };
}

/**
 * The dates uncached tiles are asked for: today and the ends of the eleven months before (someone
 * moving the map's date back). Twelve times the distinct tiles of the town lists: the API gets a quarter
 * of the list per round of ROUND_SECONDS (and one for its warm-up), and with prepared tile statements it serves more z12 tiles
 * at S than there are around the towns (four dates ran out on a quiet machine in the ninth session:
 * 38,713 z12 tiles in 10 s).
 */
function tileDates(): string[] {
  return [todayIso(), ...Array.from({ length: 11 }, (_, i) => monthEnd(i + 1))];
}

/** The end of the month `back` months before this one (in Germany). */
function monthEnd(back: number): string {
  const [year, month] = todayIso().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10);
}

function rssOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** An answer's headers for a comparator to repeat; those Node's http server writes itself are left out. */
function answerHeaders(headers: Headers): [string, string][] {
  const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  return [...headers].filter(([name]) => !own.has(name));
}

/** CPU seconds a process has used so far, in user and kernel mode (/proc/<pid>/stat, ticks of 1/100 s). */
function cpuSecondsOf(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** What the tile SQL reads (storefront-filter.ts: units by location, their periods by unit). */
const TILE_RELATIONS = [
  'storefronts',
  'storefronts_location_gist',
  'occupancy_periods',
  'occupancy_periods_unit',
];

/**
 * Reads the tile SQL's tables and indexes once into the operating system's page cache (pg_prewarm,
 * mode 'read'), so that the uncached-tile comparison measures work, not the disk: at L they are 4.4 GB,
 * and a run right after the M data set found them on disk — pgbench measured 16 tiles/s, against 111–115
 * warm, a "floor" the API then beat 5.75 ×. Skipped with a note where pg_prewarm is not installed.
 */
async function warmTileRelations(db: DataSource, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  try {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
    const [read] = await db.query<{ blocks: string }[]>(
      `SELECT sum(pg_prewarm(r::regclass, 'read'))::text AS blocks FROM unnest($1::text[]) AS r`,
      [TILE_RELATIONS],
    );
    const mb = (Number(read?.blocks ?? 0) * 8) / 1024;
    log(
      `page cache: read ${fmt(mb, 0)} MB of tile tables and indexes in ${fmt((Date.now() - started) / 1000, 1)} s`,
    );
  } catch (error) {
    log(
      `page cache not warmed (pg_prewarm: ${(error as Error).message}); a cold first run measures the disk`,
    );
  }
}

export async function runWorkloads(ctx: BenchContext): Promise<void> {
  const { base, log } = ctx;
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ctx.admin),
  });
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  const asAdmin = { Cookie: cookie };

  const removed = await removeImportTowns(ctx.dbUrl);
  if (removed) log(`removed ${removed} town(s) left by an earlier import run`);
  const db = createDataSource(ctx.dbUrl.href, { poolSize: 2 });
  await db.initialize();
  const towns = shuffled(
    await db.query<BenchTown[]>(
      `SELECT c.id, ST_X(c.centre) AS lon, ST_Y(c.centre) AS lat, count(s.id)::int AS units
       FROM cities c JOIN storefronts s ON s.city_id = c.id
       WHERE c.slug NOT LIKE 'bench-import-%' -- the import workload's own town (not open data) stays out
       GROUP BY c.id ORDER BY c.id`,
    ),
  );
  const tiles: Record<number, [number, number][]> = {
    // Enough distinct tiles that the API cannot run out of them in a round (z12 tiles are shared
    // by neighbouring towns: 3 × 3 around each gave only ≈ 7,200, which the API served in < 10 s at S).
    14: tilesAround(towns, 14, 1),
    12: tilesAround(towns, 12, 2),
  };
  // The uncached workload: every tile on each of the dates, shuffled.
  const dates = tileDates();
  const uncached: Record<number, [number, number, string][]> = {};
  for (const z of [14, 12]) {
    uncached[z] = shuffled(
      tiles[z]!.flatMap(([x, y]) => dates.map((d): [number, number, string] => [x, y, d])),
    );
  }
  await db.query(`DROP TABLE IF EXISTS bench_tiles`);
  // pgbench's list: a row per TILES_PER_TRANSACTION consecutive tiles (a left-over tail stays out).
  await db.query(`CREATE TABLE bench_tiles (z int, g int, x int[], y int[], day text[], PRIMARY KEY (z, g))`);
  for (const z of [14, 12]) {
    const list = uncached[z]!;
    await db.query(
      `INSERT INTO bench_tiles
       SELECT $1, (i - 1) / $5 + 1, array_agg(x ORDER BY i), array_agg(y ORDER BY i), array_agg(day ORDER BY i)
       FROM unnest($2::int[], $3::int[], $4::text[]) WITH ORDINALITY AS t(x, y, day, i)
       GROUP BY 2 HAVING count(*) = $5`,
      [z, list.map((t) => t[0]), list.map((t) => t[1]), list.map((t) => t[2]), TILES_PER_TRANSACTION],
    );
  }
  if (!ctx.only || ctx.only.has('tiles')) await warmTileRelations(db, log);
  await db.destroy();
  const units = towns.reduce((a, t) => a + t.units, 0);
  log(`data: ${towns.length} towns, ${units.toLocaleString('en')} storefronts`);

  const selected = (name: string): boolean => !ctx.only || ctx.only.has(name);

  // ---- 1. uncached tiles: API vs pgbench on the same SQL ----
  for (const z of selected('tiles') ? [14, 12] : []) {
    const list = uncached[z]!;
    // A discarded warm-up first: the measured pgbench runs must not pay for a cold cache the API then enjoys.
    pgbenchTiles(z, list.length, {
      url: ctx.dbUrl,
      clients: CLIENTS,
      seconds: 5,
      prepared: true,
    });
    // Rounds: pgbench (the floor as the API runs the SQL: prepared, generic plans), then the API on a
    // part of the list of its own (never a tile twice), so that both sides of each ratio meet the machine
    // of the same few seconds; the median ratio is the verdict. (One run of each moved by ±0.1 between
    // runs: this machine's speed changes from minute to minute.)
    const rounds: { db: { tps: number; latencyMs: number }; api: LoadResult }[] = [];
    const [warmUp, ...measured] = parts(list, TILE_ROUNDS + 1);
    const apiPaths = (part: typeof list): string[] =>
      part.map(([x, y, d]) => `/api/tiles/storefronts/${z}/${x}/${y}?asOf=${d}`);
    // The API's warm-up, like pgbench's: its tile connections open and prepare their statements.
    await wrk(base, apiPaths(warmUp!), { connections: CLIENTS, seconds: 3, once: true, headers: asAdmin });
    const cpuBefore = cpuSecondsOf(ctx.api.pid!);
    for (const part of measured) {
      const db = pgbenchTiles(z, list.length, {
        url: ctx.dbUrl,
        clients: CLIENTS,
        seconds: ROUND_SECONDS,
        prepared: true,
      });
      const api = await wrk(base, apiPaths(part), {
        connections: CLIENTS,
        seconds: ROUND_SECONDS,
        once: true,
        headers: asAdmin,
      });
      rounds.push({ db, api });
    }
    const cpuAfter = cpuSecondsOf(ctx.api.pid!);
    const apiRequests = rounds.reduce((n, r) => n + r.api.requests, 0);
    const perTile = (seconds: number): number => (seconds * 1000) / apiRequests;
    const userMs = perTile(cpuAfter.user - cpuBefore.user);
    const systemMs = perTile(cpuAfter.system - cpuBefore.system);
    const ratios = rounds.map((r) => r.api.rps / r.db.tps);
    const ratio = median(ratios);
    const { db, api } = rounds[ratios.indexOf(ratio)]!;
    // The simple protocol (parses and plans each time: the comparator of the early sessions).
    const simple = pgbenchTiles(z, list.length, {
      url: ctx.dbUrl,
      clients: CLIENTS,
      seconds: ROUND_SECONDS,
    });
    const bare = await bareTileServer(ctx.dbUrl, (tz, tx, ty, asOf) =>
      tz >= 13
        ? pointTileSql({ z: tz, x: tx, y: ty }, { asOf })
        : cellTileSql({ z: tz, x: tx, y: ty }, { asOf }),
    );
    const bareCpuBefore = process.cpuUsage(); // the bare server runs in this process (wrk in its own)
    const node = await wrk(
      bare.url,
      list.map(([x, y, d]) => `/${z}/${x}/${y}/${d}`),
      { connections: CLIENTS, seconds: ROUND_SECONDS, once: true },
    );
    const bareCpu = process.cpuUsage(bareCpuBefore);
    await bare.close();
    // A thread stops at the end of its share of a part: "exhausted" once (nearly) all were asked.
    const exhausted = rounds.some((r) => r.api.requests >= list.length / (TILE_ROUNDS + 1) - 2 * CLIENTS)
      ? ' — LIST EXHAUSTED: the API rate is a lower bound'
      : '';
    log(
      `tiles z${z} uncached (median of ${TILE_ROUNDS} rounds of ${ROUND_SECONDS} s): API ${load(api)}, ` +
        `API process CPU ${fmt(userMs + systemMs, 2)} ms per tile (user ${fmt(userMs, 2)}, kernel ${fmt(systemMs, 2)}) | ` +
        `pgbench prepared ${fmt(db.tps)} tps (latency ${fmt(db.latencyMs)} ms), ${CLIENTS} clients each | ` +
        `ratio API/pgbench ${fmt(ratio, 2)}, rounds ${ratios.map((r) => fmt(r, 2)).join(' / ')} ` +
        `(target >= 0.85: ${verdict(ratio >= 0.85)})${exhausted}`,
    );
    log(
      `tiles z${z} uncached, pgbench with the simple protocol (parses and plans every tile): ` +
        `${fmt(simple.tps)} tps; the API ${fmt(api.rps / simple.tps, 2)} × this`,
    );
    log(
      `tiles z${z} uncached, bare node:http + pg with the same SQL: ${fmt(node.rps)} req/s = ` +
        `${fmt(node.rps / db.tps, 2)} × pgbench, its CPU ${fmt((bareCpu.user + bareCpu.system) / 1000 / node.requests, 2)} ms ` +
        `per tile; the API ${fmt(api.rps / node.rps, 2)} × this bare server`,
    );
  }

  // ---- 2. cached tiles: API vs a bare Node server answering the same bytes (headers and body) ----
  if (selected('cached')) {
    const biggest = [...towns].sort((a, b) => b.units - a.units)[0]!;
    const [cx, cy] = tileOf(biggest.lon, biggest.lat, 14);
    const cachedUrl = `${base}/api/tiles/storefronts/14/${cx}/${cy}?cityId=${biggest.id}`;
    const answer = await fetch(cachedUrl);
    const bytes = Buffer.from(await answer.arrayBuffer());
    const cachedPath = cachedUrl.slice(base.length);
    const cached = await wrk(base, [cachedPath], { connections: CLIENTS, seconds: 5, once: false });
    // The API's answer as it goes over the wire: its headers (security headers, ETag …) and body.
    const bare = await bareServer(bytes, answerHeaders(answer.headers));
    const bareLoad = await wrk(bare.url, ['/'], { connections: CLIENTS, seconds: 5, once: false });
    bare.close();
    const cachedRatio = cached.rps / bareLoad.rps;
    log(
      `tiles cached (${(bytes.length / 1024).toFixed(1)} KB, anonymous, open-data town): API ${load(cached)} | ` +
        `bare node http with the same headers and body ${fmt(bareLoad.rps)} req/s, p50 ${fmt(bareLoad.p50)} ms | ` +
        `ratio ${fmt(cachedRatio, 2)} ` +
        `(target >= 0.7: ${verdict(cachedRatio >= 0.7)})`,
    );
  }

  // ---- 3. low zooms over Germany vs z14 ----
  if (selected('lowzoom')) {
    // A discarded first request per zoom (an empty tile off the coast of Africa): each statement is
    // prepared once per connection (tiles/tile-queries.ts), and that once must not count as a tile.
    const warmUp = async (z: number, query = ''): Promise<void> => {
      await (
        await fetch(`${base}/api/tiles/storefronts/${z}/0/${2 ** (z - 1)}${query}`, { headers: asAdmin })
      ).arrayBuffer();
    };
    // On a date the uncached workload did not ask for, so that no answer comes from a cache.
    const referenceDate = `?asOf=${monthEnd(4)}`;
    await warmUp(14, referenceDate);
    const z14Times: number[] = [];
    for (const [x, y] of tiles[14]!.slice(-100)) {
      const t0 = performance.now();
      await (
        await fetch(`${base}/api/tiles/storefronts/14/${x}/${y}${referenceDate}`, { headers: asAdmin })
      ).arrayBuffer();
      z14Times.push(performance.now() - t0);
    }
    const z14Mean = z14Times.reduce((a, b) => a + b, 0) / z14Times.length;
    log(`tiles z14 reference (100 uncached, sequential): mean ${fmt(z14Mean)} ms`);
    for (let z = 5; z <= 10; z++) {
      const [x0, y0] = tileOf(5.8, 55.1, z);
      const [x1, y1] = tileOf(15.1, 47.2, z);
      const all: [number, number][] = [];
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) all.push([x, y]);
      const sample = shuffled(all).slice(0, 300);
      await warmUp(z);
      // z5 has 4 non-empty tiles over Germany, z6 6: one request each is too few for a mean. Up to six
      // further rounds ask the non-empty tiles again, each leaving out one status (another cache key;
      // the grid query with one status column fewer), until a zoom has 60 requests: z5 gets 28, z6 42.
      // The repeats find the grid's pages warm, as a map's users do.
      const times: number[] = [];
      let maxBytes = 0;
      const nonEmpty: [number, number][] = [];
      const rounds = [
        '',
        ...OCCUPANCY_STATUSES.map(
          (left) => `?status=${OCCUPANCY_STATUSES.filter((st) => st !== left).join(',')}`,
        ),
      ];
      for (const [round, query] of rounds.entries()) {
        if (round > 0 && (nonEmpty.length === 0 || times.length >= 60)) break;
        if (round > 0) await warmUp(z, query); // another statement text: prepared once, not counted
        for (const [x, y] of round === 0 ? sample : nonEmpty) {
          const t0 = performance.now();
          const res = await fetch(`${base}/api/tiles/storefronts/${z}/${x}/${y}${query}`, {
            headers: asAdmin,
          });
          const body = await res.arrayBuffer();
          const ms = performance.now() - t0;
          if (body.byteLength === 0) continue;
          if (round === 0) nonEmpty.push([x, y]);
          maxBytes = Math.max(maxBytes, body.byteLength);
          times.push(ms);
        }
      }
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      const middle = median(times);
      log(
        `tiles z${z} (${nonEmpty.length} non-empty of ${sample.length} over Germany, ${times.length} requests): ` +
          `max ${(maxBytes / 1024).toFixed(1)} KB (target < 100 KB: ${verdict(maxBytes < 100 * 1024)}), ` +
          `mean ${fmt(mean)} ms, median ${fmt(middle)} ms, max ${fmt(Math.max(...times))} ms | ` +
          `mean/z14 ${fmt(mean / z14Mean, 2)} (target <= 2: ${verdict(mean <= 2 * z14Mean)})`,
      );
    }
  }

  // ---- 4. KPIs ----
  if (selected('kpis')) await kpiWorkloads(ctx, towns, asAdmin);

  // ---- 5. import ----
  if (selected('import')) {
    const importTown = [...towns].sort((a, b) => (a.id < b.id ? 1 : -1))[0]!; // the one the bench user edits
    await importWorkload(ctx, importTown, { ...asAdmin, 'X-CSRF-Token': csrf });
  }

  // ---- 6. mixed load ----
  if (selected('mixed')) {
    const mixTowns = towns.slice(0, 200);
    const mixed: (i: number) => Request = (i) => {
      const t = mixTowns[i % mixTowns.length]!;
      const kind = i % 10;
      if (kind < 5) {
        const [x, y] = tileOf(t.lon + ((i % 3) - 1) * 0.02, t.lat, 14);
        return { url: `${base}/api/tiles/storefronts/14/${x}/${y}?cityId=${t.id}` };
      }
      if (kind < 6) {
        const [x, y] = tileOf(t.lon, t.lat, 12);
        return { url: `${base}/api/tiles/storefronts/12/${x}/${y}?cityId=${t.id}` };
      }
      if (kind < 8) return { url: `${base}/api/storefronts?cityId=${t.id}&pageSize=50&page=${1 + (i % 3)}` };
      return { url: `${base}/api/kpis?cityId=${t.id}` };
    };
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssOf(ctx.api.pid!).rssMb);
    }, 250);
    const mix = await closedLoop(50, ctx.mixedSeconds * 1000, mixed);
    clearInterval(sampler);
    const mem = rssOf(ctx.api.pid!);
    log(
      `mixed load (50% z14 tiles, 10% z12, 20% lists, 20% KPIs; anonymous, 200 open-data towns), 50 connections ` +
        `for ${ctx.mixedSeconds} s: ${load(mix)} (target zero errors: ${verdict(mix.errors === 0)})`,
    );
    log(
      `API memory: peak RSS under mixed load ${fmt(peakRss)} MB (sampled every 250 ms), VmHWM since start ${fmt(mem.hwmMb)} MB`,
    );
  }
}
