import type { Response } from 'express';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { jsonLog } from '../common/request-context.js';

/**
 * How long a download may wait for the client to take more data. The rows are read in a transaction
 * that holds one of the pool's connections, so a client that stops reading must not keep it forever.
 */
export const STALL_LIMIT_MS = 120_000;

/** A small file built in memory (the KPI table). */
export function sendFile(res: Response, type: string, fileName: string, body: Buffer): void {
  downloadHeaders(res, type, fileName);
  res.end(body);
}

/**
 * A file that `build` writes to a temporary file first (the workbook: a zip cannot be sent before it
 * is complete without holding it in memory). Whatever fails while building is thrown before any
 * header is written (the usual JSON error); then the file is sent with its length and removed.
 */
export async function sendBuiltFile(
  res: Response,
  type: string,
  fileName: string,
  build: (path: string) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'schaufenster-export-'));
  try {
    const path = join(dir, fileName);
    await build(path);
    const { size } = await stat(path);
    downloadHeaders(res, type, fileName);
    res.setHeader('Content-Length', String(size));
    await pipeline(createReadStream(path), res).catch((error: unknown) => {
      jsonLog({
        level: 'info',
        msg: 'download ended before it was complete',
        requestId: res.locals.requestId as string | undefined,
        file: fileName,
        error: error instanceof Error ? error.message : String(error),
      });
      res.destroy();
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Sends the pieces as a download while they are produced (chunked), with backpressure: the next
 * piece is only asked for once the socket has taken the last one, so memory holds one batch at a time.
 *
 * The first piece is awaited before any header is written: whatever fails up to and including the
 * first batch (the query, the database) is thrown and answered with the usual JSON error. Once the
 * headers are out, a failure destroys the response: the client sees a broken download (the chunked
 * body never ends), never a file that looks complete but is cut short; it is logged with the request
 * id. A client that goes away, or stops reading for `stallLimitMs`, ends the reading too: the
 * generator is returned, which closes its cursor and gives its connection back.
 */
export async function sendStream(
  res: Response,
  type: string,
  fileName: string,
  pieces: AsyncIterable<string>,
  stallLimitMs = STALL_LIMIT_MS,
): Promise<void> {
  const iterator = pieces[Symbol.asyncIterator]();
  const first = await iterator.next();
  downloadHeaders(res, type, fileName);
  let sent = 0;
  try {
    for (let piece = first; !piece.done; piece = await iterator.next()) {
      // `destroyed` also turns true when the client closes the connection.
      if (res.destroyed) throw new ClientGone('the client closed the connection');
      sent += 1;
      if (!res.write(piece.value)) await drained(res, stallLimitMs);
    }
    res.end();
  } catch (error) {
    await iterator.return?.(undefined).catch(() => undefined);
    const gone = error instanceof ClientGone;
    jsonLog({
      level: gone ? (error.stalled ? 'warn' : 'info') : 'error',
      msg: gone ? 'download ended by the client' : 'download failed after it had started',
      requestId: res.locals.requestId as string | undefined,
      file: fileName,
      piecesSent: sent,
      error: gone ? error.message : error instanceof Error ? error.stack : String(error),
    });
    res.destroy();
  }
}

function downloadHeaders(res: Response, type: string, fileName: string): void {
  res.status(200).type(type).setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'private, no-store');
}

/** The client closed the connection, or stopped reading for too long (`stalled`). */
class ClientGone extends Error {
  constructor(
    message: string,
    readonly stalled = false,
  ) {
    super(message);
  }
}

function drained(res: Response, stallLimitMs: number): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGone('the client closed the connection'));
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => finish();
    const onClose = (): void => finish(new ClientGone('the client closed the connection'));
    const timer = setTimeout(
      () => finish(new ClientGone(`the client took no data for ${stallLimitMs / 1000} s`, true)),
      stallLimitMs,
    );
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
