import { execFile, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import pg from 'pg';

/** Closed-loop HTTP load: `concurrency` workers, each sending its next request when the last one ends. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  firstError?: string;
}

export interface Request {
  url: string;
  headers?: Record<string, string>;
}

/** The value at quantile q of ascending values (the upper middle for the median of an even count). */
export const quantile = (sorted: number[], q: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;

export async function closedLoop(
  concurrency: number,
  durationMs: number,
  next: (i: number) => Request | null,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() - start < durationMs) {
      const req = next(issued++);
      if (!req) return;
      const t0 = performance.now();
      try {
        const res = await fetch(req.url, { headers: req.headers });
        await res.arrayBuffer();
        if (res.status >= 400) {
          errors++;
          firstError ??= `${res.status} ${req.url}`;
        }
      } catch (e) {
        errors++;
        const cause = (e as Error & { cause?: Error }).cause;
        firstError ??= `${(e as Error).message}${cause ? ` (${cause.message})` : ''} ${req.url}`;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    firstError,
  };
}

/** A bare Node HTTP server answering every request with `headers` and `body` (the comparator for cached tiles). */
export function bareServer(
  body: Buffer,
  headers: [name: string, value: string][],
): Promise<{ url: string; close: () => void }> {
  const flat = [...headers.flat(), 'Content-Length', String(body.length)];
  return new Promise((resolve) => {
    const server: Server = createServer((_, res) => {
      res.writeHead(200, flat);
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    });
  });
}

/**
 * The floor of any Node API here: node:http and node-postgres answering `/{z}/{x}/{y}/{date}` with the same
 * tile SQL, run like the API runs it (named statements, generic plans) — no sign-in, validation,
 * caching, headers or logging. Between pgbench and the API: what a Node process itself costs on a
 * machine whose cores it shares with PostgreSQL.
 */
export function bareTileServer(
  dbUrl: URL,
  tileSql: (z: number, x: number, y: number, asOf: string) => { sql: string; params: unknown[] },
): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({
    connectionString: dbUrl.href,
    max: 10,
    options: '-c jit=off -c plan_cache_mode=force_generic_plan',
  });
  const names = new Map<string, string>();
  const nameOf = (sql: string): string => {
    if (!names.has(sql)) names.set(sql, `bare_${names.size}`);
    return names.get(sql)!;
  };
  return new Promise((resolve) => {
    const server: Server = createServer((req, res) => {
      const [z, x, y, asOf] = (req.url ?? '').split('/').slice(1) as [string, string, string, string];
      const { sql, params } = tileSql(Number(z), Number(x), Number(y), asOf);
      pool.query<{ mvt: string | null }>({ name: nameOf(sql), text: sql, values: params }).then(
        (r) => {
          const body = Buffer.from(r.rows[0]?.mvt ?? '', 'base64');
          res.writeHead(200, {
            'Content-Type': 'application/vnd.mapbox-vector-tile',
            'Content-Length': body.length,
          });
          res.end(body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: async () => {
          server.close();
          await pool.end();
        },
      });
    });
  });
}

/**
 * pgbench with a custom script; returns transactions per second (without connection set-up).
 * `prepared`: named statements with generic plans, as the API runs its tile SQL (tiles/tile-queries.ts);
 * otherwise the simple protocol, which parses and plans every statement anew.
 */
export function pgbench(
  script: string,
  opts: { url: URL; clients: number; seconds: number; prepared?: boolean },
): { tps: number; latencyMs: number } {
  const file = `/tmp/schaufenster-bench-${process.pid}.sql`;
  writeFileSync(file, script);
  const bin = '/usr/lib/postgresql/15/bin/pgbench';
  const r = spawnSync(
    bin,
    [
      '-n',
      '-c',
      String(opts.clients),
      '-j',
      '2',
      '-T',
      String(opts.seconds),
      '-M',
      opts.prepared ? 'prepared' : 'simple',
      '-f',
      file,
      '-h',
      opts.url.hostname,
      '-p',
      opts.url.port,
      '-U',
      opts.url.username || 'postgres',
      opts.url.pathname.slice(1),
    ],
    // The API's pool turns JIT off (api/src/database/database.module.ts): the comparator runs likewise.
    {
      encoding: 'utf8',
      timeout: (opts.seconds + 60) * 1000,
      env: {
        ...process.env,
        PGOPTIONS: opts.prepared ? '-c jit=off -c plan_cache_mode=force_generic_plan' : '-c jit=off',
      },
    },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(r.stdout)?.[1];
  if (!tps) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
  return { tps: Number(tps), latencyMs: Number(latency) };
}

/**
 * HTTP load with `wrk` (C, like pgbench: the client costs little CPU, so the server's throughput is
 * what is measured). `paths` are requested in order across all connections, each at most once when
 * `once` (threads stop at the end of the list), else round and round.
 */
export async function wrk(
  base: string,
  paths: string[],
  opts: { connections: number; seconds: number; once: boolean; headers?: Record<string, string> },
): Promise<LoadResult> {
  const threads = 2;
  const script = `/tmp/schaufenster-bench-${process.pid}.lua`;
  const lua = [
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',\n')}}`,
    ...Object.entries(opts.headers ?? {}).map(
      ([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`,
    ),
    `local counter = 0`,
    `function setup(thread) thread:set("id", counter); counter = counter + 1 end`,
    `function init(args) idx = id end`,
    `function request()`,
    `  if idx >= #paths then`,
    `    if ${opts.once ? 'true' : 'false'} then wrk.thread:stop() end`,
    `    idx = idx % #paths`,
    `  end`,
    `  local p = paths[idx + 1]`,
    `  idx = idx + ${threads}`,
    `  return wrk.format("GET", p)`,
    `end`,
  ].join('\n');
  writeFileSync(script, lua);
  // Asynchronous: the comparator server may run in this very process.
  const r = await new Promise<{ stdout: string; stderr: string; error?: Error }>((resolve) => {
    execFile(
      'wrk',
      [
        '-t',
        String(threads),
        '-c',
        String(opts.connections),
        '-d',
        `${opts.seconds}s`,
        '--latency',
        '-s',
        script,
        base,
      ],
      { encoding: 'utf8', timeout: (opts.seconds + 60) * 1000 },
      (error, stdout, stderr) => resolve({ stdout, stderr, error: error ?? undefined }),
    );
  });
  const out = r.stdout ?? '';
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  if (!rps) throw new Error(`wrk failed: ${r.stderr || out || r.error?.message}`);
  const ms = (label: string): number => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    const scale = { us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's'];
    return Number(m[1]) * scale;
  };
  const requests = Number(/(\d+) requests in ([\d.]+)(m?s)/.exec(out)?.[1] ?? NaN);
  const seconds = Number(/requests in ([\d.]+)s/.exec(out)?.[1] ?? opts.seconds);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    requests,
    errors: non2xx + socketErrors,
    seconds,
    rps: Number(rps),
    p50: ms('50'),
    p99: ms('99'),
    firstError: non2xx || socketErrors ? `${non2xx} non-2xx, socket errors ${socket?.[0] ?? 0}` : undefined,
  };
}
