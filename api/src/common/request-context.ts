import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Viewer } from '../auth/viewer.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** What the code deeper down may need to know about the request it serves (audit trail, logs). */
export interface RequestContext {
  requestId: string;
  viewer?: Viewer;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** The request's correlation id: the caller's X-Request-Id when well-formed, else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Gives every request a correlation id (kept from X-Request-Id when well-formed) and logs it as JSON. */
export function requestContext(log: typeof jsonLog) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = requestIdFor(req.header('x-request-id'));
    const context: RequestContext = { requestId: id };
    res.locals.requestId = id;
    res.locals.context = context;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    // as the client asked, without the query (it may hold a search for a name): Express's req.path is
    // relative to the router that handles the request, which cuts `/api` from some lines
    const path = (req.originalUrl ?? req.url).split('?')[0];
    res.on('finish', () => {
      log({
        level: res.statusCode >= 500 ? 'error' : 'info',
        msg: 'request',
        requestId: id,
        userId: context.viewer?.user?.id,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    storage.run(context, next);
  };
}

export type LogLine = Record<string, unknown> & { level: 'error' | 'warn' | 'info' };

const LEVELS: Record<string, number> = { silent: -1, error: 0, warn: 1, info: 2 };
/** The values LOG_LEVEL may take (checked at boot by loadConfig). */
export const LOG_LEVELS = Object.keys(LEVELS);

/** The LOG_LEVEL in force, read on first use: process.env is slow to read on a hot path. */
let threshold: number | undefined;

/** Sets the level (silent, error, warn, info; undefined = info). Tests that read the log use it. */
export function setLogLevel(level: string | undefined): void {
  threshold = LEVELS[level ?? 'info'] ?? 2;
}

/** Whether lines of this level are written: hot paths need not build a line that is dropped. */
export function logs(level: LogLine['level']): boolean {
  if (threshold === undefined) setLogLevel(process.env.LOG_LEVEL);
  return LEVELS[level]! <= threshold!;
}

/** One JSON line on stdout; LOG_LEVEL (silent, error, warn, info — the default) drops the lower levels. */
export function jsonLog(line: LogLine): void {
  if (!logs(line.level)) return;
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
}
