import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import { APP_CONFIG, ConfigError, type AppConfig } from './config/app-config.js';
import { DataSource } from 'typeorm';
import { DomainError } from './common/domain-error.js';
import { ErrorFilter, writeError } from './common/error.filter.js';
import { httpStatusOf } from './common/http-status.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './common/json-depth.js';
import { nulRefused, textWithNul } from './common/nul-text.js';
import { jsonLog, requestContext } from './common/request-context.js';
import { createValidationPipe } from './common/validation.js';
import { buildOpenApiDocument } from './openapi.js';
import { TileLane, type RequestListener } from './tiles/tile-lane.js';

/** The routes that take a file as the raw request body (imports/raw-body.ts): an import, a counter's file. */
const UPLOAD_ROUTE = /^\/api\/cities\/[^/?]+\/(imports|footfall)\/?(\?|$)/i;

/** Builds the HTTP application: API under /api, docs at /api/docs, the dashboard at /. */
export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  if (config.nodeEnv === 'production') {
    await refuseDemoAccounts(app.get(DataSource)).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
  }
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(requestContext(jsonLog));
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } }));
  const parseJson = express.json({ limit: '5mb', type: ['application/json', 'application/*+json'] });
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    // API answers hold sessions' CSRF tokens, personal data and editors' views: no cache keeps them.
    // Answers meant to be cached (tiles, OGC API, the docs' assets) set their own header.
    res.setHeader('Cache-Control', 'no-store');
    const nulInQuery = textWithNul(req.query);
    if (nulInQuery !== null) return writeError(res, nulRefused(nulInQuery));
    // Uploaded files (JSON/GeoJSON included) are read raw by their controllers, up to their own limits.
    if (req.method === 'POST' && UPLOAD_ROUTE.test(req.originalUrl)) return next();
    // Any other body is JSON: one of another type would be ignored and the request refused for its
    // missing fields („version must not be less than 1“), which does not say what went wrong.
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    if (hasBody && req.is(['json', '+json']) === false) {
      return writeError(
        res,
        new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the request body as JSON (Content-Type: application/json).',
        ),
      );
    }
    parseJson(req, res, (err?: unknown) => {
      if (err) return writeError(res, err);
      if (nestedDeeperThan(req.body, MAX_JSON_DEPTH)) {
        return writeError(
          res,
          new DomainError('VALIDATION_FAILED', 'The request body is nested too deeply.'),
        );
      }
      const nulInBody = textWithNul(req.body);
      if (nulInBody !== null) return writeError(res, nulRefused(nulInBody));
      next();
    });
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  serveDashboard(app, config);
  tilesFirst(app);
  answerClientErrors(app.getHttpServer());
  return app;
}

/**
 * Requests Node's HTTP parser refuses before Express sees them — an address with its headers over
 * Node's 16 KB, a malformed request line — get the API's error shape instead of Node's empty 400/431.
 * (With a listener, Node leaves the answer to it; a timed-out or reset connection is just closed.)
 */
function answerClientErrors(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) {
      socket.destroy();
      return;
    }
    const error =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? new DomainError(
            'HEADERS_TOO_LARGE',
            'The address and its headers are too long (at most 16 KB): use a shorter search or fewer filters.',
          )
        : new DomainError('VALIDATION_FAILED', 'The request is malformed.');
    const status = httpStatusOf(error.code);
    const body = JSON.stringify({ code: error.code, message: error.message });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Tile requests meet TileLane before Express sees them (TileLane explains which it answers). */
function tilesFirst(app: NestExpressApplication): void {
  const server = app.getHttpServer();
  const lane = app.get(TileLane);
  const listeners = server.listeners('request') as RequestListener[];
  const pipeline: RequestListener = (req, res) => {
    for (const listener of listeners) listener(req, res);
  };
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => lane.handle(req, res, pipeline));
}

/** The demo accounts' password is published: a production start refuses to run while any exists. */
async function refuseDemoAccounts(db: DataSource): Promise<void> {
  const rows = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.schaufenster.invalid' AND NOT disabled`,
  );
  if ((rows[0]?.n ?? 0) > 0) {
    throw new ConfigError(
      'Demo accounts with the published password exist in this database. Disable or delete them before starting in production.',
    );
  }
}

function contentSecurityPolicy(config: AppConfig): Record<string, string[]> {
  const basemap = config.basemapStyleUrl ? [new URL(config.basemapStyleUrl).origin] : [];
  return {
    defaultSrc: ["'self'"],
    connectSrc: ["'self'", ...basemap, 'https:'].filter((v, i, all) => all.indexOf(v) === i),
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    workerSrc: ["'self'", 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'self'"],
  };
}

/** Serves the built dashboard (single-page app) on the same origin, when it has been built. */
function serveDashboard(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.webDistDir);
  const index = resolve(dir, 'index.html');
  if (!existsSync(index)) return;
  const assets = express.static(dir, { index: false, maxAge: '1h' });
  // Not for /api: looking every API request up on disk first cost more than serving a cached tile.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api')) next();
    else void assets(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
