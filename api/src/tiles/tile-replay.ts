import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { SessionsRepository, tokenKey } from '../auth/sessions.repository.js';
import { sessionToken } from '../auth/session-cookie.js';
import { LruCache } from '../common/lru-cache.js';
import { jsonLog, logs, requestIdFor } from '../common/request-context.js';
import { todayIso } from '../common/validators.js';
import { ChangeFeed } from '../database/change-feed.js';
import { TileCacheInvalidator } from './data-version.service.js';
import { answerHeaders, type HeaderList } from './tile-headers.js';
import { matches } from './tiles.service.js';

export const TILE_PATH = '/api/tiles/storefronts/';

interface Replay {
  /** The Berlin day it was answered on: "today" (the default as-of date) moves at midnight. */
  day: string;
  version: string;
  cityIds: readonly string[] | undefined;
  etag: string;
  body: Buffer;
  /**
   * The answer's headers as the full request pipeline set them (security headers included), but its
   * ETag (written from `etag`): so TileLane records one shared list for all its tiles, not one per tile.
   */
  headers: HeaderList;
}

/** Headers written anew for every answer. */
export const PER_ANSWER: ReadonlySet<string> = new Set([
  'x-request-id',
  'content-length',
  'date',
  'connection',
  'keep-alive',
]);
/** Headers of the tile itself (tileHeaders and its type), as opposed to the middleware's. */
const TILE_OWN: ReadonlySet<string> = new Set(['etag', 'cache-control', 'vary', 'content-type']);

/**
 * Answers repeated tile requests straight from the HTTP server, before Express and Nest: the
 * hottest request of the product (a map view asks for dozens of tiles) reduced to a map lookup.
 *
 * It only replays: the full pipeline (access guard, validation, TilesService) answered the same
 * URL for the same viewer before and recorded its answer here (`record`). A replay is served only
 * while all of these still hold, otherwise the request takes the full path:
 * - the ChangeFeed is live (another process's write or an access change reaches this process);
 * - the tile's data version is the one it was built for (`TileCacheInvalidator.versionNow`);
 * - nobody changed users, grants, networks, towns or sessions since (the `auth` topic and every
 *   signed-in write request of this process empty the replays, like the session cache);
 * - a signed-in viewer's session is in the session cache (live, unexpired, checked within 30 s);
 * - it is still the same day in Germany.
 * Headers are those the pipeline produced, with a fresh request id; If-None-Match gives a 304.
 */
@Injectable()
export class TileReplay {
  /** Bodies are mostly the same buffers as in TilesService's cache; bounded by bytes all the same. */
  private readonly replays = new LruCache<Replay>(4000, {
    maxSize: 96 * 2 ** 20,
    sizeOf: (r) => r.body.length,
  });

  constructor(
    private readonly feed: ChangeFeed,
    private readonly versions: TileCacheInvalidator,
    private readonly sessions: SessionsRepository,
  ) {
    // Emptied with the session cache: on the feed's `auth` topic, its resync, and this process's writes.
    sessions.onForget(() => this.replays.clear());
  }

  /**
   * The headers the pipeline's middleware adds to a tile answer (security headers), learnt from the
   * last answer of the full pipeline; undefined until it answered one. TileLane writes them.
   */
  middlewareHeaders: HeaderList | undefined;

  /** Called after a tile was answered 200 by the full pipeline (`fromPipeline`) or by TileLane. */
  record(
    req: Pick<IncomingMessage, 'url' | 'headers'>,
    viewerSignedIn: boolean,
    answer: Pick<Replay, 'version' | 'cityIds' | 'etag' | 'body' | 'headers'>,
    fromPipeline: boolean,
  ): void {
    let { headers } = answer;
    if (fromPipeline) {
      this.middlewareHeaders = headers.filter(([name]) => !TILE_OWN.has(name.toLowerCase()));
      headers = headers.filter(([name]) => name.toLowerCase() !== 'etag');
    }
    const scope = this.scopeOf(req, viewerSignedIn);
    if (scope === undefined || !req.url?.startsWith(TILE_PATH)) return;
    const { version, cityIds, etag, body } = answer;
    this.replays.set(`${scope} ${req.url}`, { version, cityIds, etag, body, day: todayIso(), headers });
  }

  /** Answers the request and returns true, or returns false and leaves it to the full pipeline. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url?.startsWith(TILE_PATH) || !this.feed.live) return false;
    const token = sessionToken(req);
    const scope = token === undefined ? 'anonymous' : this.sessions.cachedUser(token) && scopeOfToken(token);
    if (!scope) return false;
    const replay = this.replays.get(`${scope} ${req.url}`);
    if (!replay || replay.day !== todayIso() || this.versions.versionNow(replay.cityIds) !== replay.version)
      return false;
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req.headers['x-request-id']);
    const ifNoneMatch = req.headers['if-none-match'];
    const notModified = ifNoneMatch !== undefined && matches(ifNoneMatch, replay.etag);
    const body = notModified ? undefined : replay.body;
    res.writeHead(notModified ? 304 : 200, answerHeaders(requestId, replay.headers, replay.etag, body));
    res.end(body);
    if (logs('info'))
      jsonLog({
        level: 'info',
        msg: 'request',
        requestId,
        method: req.method,
        path: req.url.split('?')[0],
        status: notModified ? 304 : 200,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        replay: true,
      });
    return true;
  }

  private scopeOf(req: Pick<IncomingMessage, 'headers'>, viewerSignedIn: boolean): string | undefined {
    const token = sessionToken(req);
    if (!viewerSignedIn) return token === undefined ? 'anonymous' : undefined;
    return token === undefined ? undefined : scopeOfToken(token);
  }
}

const scopeOfToken = (token: string): string => `session:${tokenKey(token)}`;
