import express, { type NextFunction, type Request, type Response } from 'express';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendStream } from './export-download.js';

/**
 * sendStream on a real (loopback) HTTP server: refusals before the first byte, a broken download
 * after it, the reading ended when the client stops.
 */
interface Pieces {
  pieces: AsyncGenerator<string>;
  /** How many pieces were produced, and whether the producer was closed (its `finally` ran). */
  state: { produced: number; closed: boolean };
}

function pieces(count: number, failAt: number | null, size = 10): Pieces {
  const state = { produced: 0, closed: false };
  async function* generate(): AsyncGenerator<string> {
    try {
      for (let i = 0; i < count; i++) {
        await new Promise((r) => setImmediate(r));
        if (i === failAt) throw new Error(`piece ${i} failed`);
        state.produced += 1;
        yield `${String(i).padStart(size, '.')}\n`;
      }
    } finally {
      state.closed = true;
    }
  }
  return { pieces: generate(), state };
}

let server: Server;
let current: Pieces;
let stallLimitMs = 120_000;

beforeAll(async () => {
  const app = express();
  app.get('/file', (req: Request, res: Response, next: NextFunction) => {
    sendStream(res, 'text/plain', 'file.txt', current.pieces, stallLimitMs).catch(next);
  });
  app.use((error: Error, req: Request, res: Response, _next: NextFunction) => {
    res.status(503).json({ code: 'DATABASE_UNAVAILABLE', message: error.message });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
});
afterAll(() => new Promise((r) => server.close(r)));

interface Outcome {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  complete: boolean;
}

/** GET /file; `paused`: the client reads nothing until the server gives up. */
function fetchFile(paused = false): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const port = (server.address() as AddressInfo).port;
    get(`http://127.0.0.1:${port}/file`, (res) => {
      if (paused) res.pause();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => undefined);
      res.on('close', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          complete: res.complete,
        }),
      );
      if (paused) setTimeout(() => res.resume(), 1_000);
    }).on('error', reject);
  });
}

describe('sendStream', () => {
  beforeEach(() => (stallLimitMs = 120_000));

  it('sends every piece, in order, as a download', async () => {
    current = pieces(3, null);
    const res = await fetchFile();
    expect(res).toMatchObject({ status: 200, complete: true, body: '.........0\n.........1\n.........2\n' });
    expect(res.headers['content-disposition']).toBe('attachment; filename="file.txt"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(current.state.closed).toBe(true);
  });

  it('answers a failure of the first piece with the error, not with a download', async () => {
    current = pieces(3, 0);
    const res = await fetchFile();
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ code: 'DATABASE_UNAVAILABLE', message: 'piece 0 failed' });
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('breaks the download off when a later piece fails: the body never ends', async () => {
    current = pieces(5, 2);
    const res = await fetchFile();
    expect(res.status).toBe(200);
    expect(res.complete).toBe(false);
    expect(res.body).toBe('.........0\n.........1\n');
  });

  it('stops producing when the client takes no data for the stall limit', async () => {
    stallLimitMs = 200;
    current = pieces(1_000, null, 1 << 20); // 1 GB if it were all produced
    const res = await fetchFile(true);
    expect(res.complete).toBe(false);
    expect(current.state.closed).toBe(true);
    expect(current.state.produced).toBeLessThan(20);
  });
});
