import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service.js';
import { sessionToken } from '../auth/session-cookie.js';
import { mayAccessTown, visibleCityIds } from '../auth/viewer.js';
import { interventionFilterUnchanged } from '../storefronts/storefront-redaction.js';
import { LruCache } from '../common/lru-cache.js';
import { jsonLog, logs, requestIdFor } from '../common/request-context.js';
import { createValidationPipe } from '../common/validation.js';
import { TileQueryDto } from './dto/tile-query.dto.js';
import { answerHeaders, MVT_CONTENT_TYPE, tileCacheHeaders, type HeaderList } from './tile-headers.js';
import { TILE_PATH, TileReplay } from './tile-replay.js';
import { TilesService } from './tiles.service.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** `/api/tiles/storefronts/{z}/{x}/{y}` with an optional query; the parts are checked later. */
const TILE_ADDRESS = /^\/api\/tiles\/storefronts\/([^/?]+)\/([^/?]+)\/([^/?]+)(?:\?(.*))?$/;

/**
 * The front door of the tile route, before Express and Nest. A map view asks for dozens of tiles at
 * once, and the general pipeline (Express's router, helmet's dozen middleware functions, Nest's
 * guard, pipe and handler) cost the API process more CPU per tile than fetching and sending the tile.
 *
 * 1. A repeated request is answered by TileReplay.
 * 2. Otherwise a tile request is answered here when it would be answered 200 or 304, with the
 *    pipeline's own parts: the session and viewer from AuthService (as AccessGuard does), the
 *    route's access rule (`readPublic` for the town asked for), the app's ValidationPipe on
 *    TileQueryDto (a valid query string's result is remembered), TilesService, `tileHeaders`, and the middleware's headers as the pipeline last
 *    wrote them (TileReplay learns them), with the same access log line.
 * 3. Anything else goes to the pipeline untouched, which answers it in the API's error shape: an
 *    invalid address or query, a town the viewer may not see, any error (the database down), and
 *    every tile request until the pipeline has answered one. Nothing is written before that decision.
 */
@Injectable()
export class TileLane {
  /** false: every tile request not replayed takes the full pipeline (tests compare both ways). */
  enabled = true;
  private readonly validation = createValidationPipe();
  /** Valid queries by their text: a map view asks for all its tiles with one query string. */
  private readonly queries = new LruCache<Readonly<TileQueryDto>>(500);

  constructor(
    private readonly replay: TileReplay,
    private readonly auth: AuthService,
    private readonly tiles: TilesService,
  ) {}

  /** Answers the request here, or hands it to `pipeline` (Express and Nest). */
  handle(req: IncomingMessage, res: ServerResponse, pipeline: RequestListener): void {
    if (req.method !== 'GET' || !req.url?.startsWith(TILE_PATH)) return pipeline(req, res);
    if (this.replay.serve(req, res)) return;
    const address = TILE_ADDRESS.exec(req.url);
    const middlewareHeaders = this.replay.middlewareHeaders;
    if (!this.enabled || !address || !middlewareHeaders) return pipeline(req, res);
    const [, z = '', x = '', y = '', search] = address;
    this.answer(req, res, { z, x, y, search }, middlewareHeaders).then(
      (answered) => {
        if (!answered) pipeline(req, res);
      },
      () => pipeline(req, res),
    );
  }

  /**
   * A 200 answer's headers but its ETag and length: the middleware's, the tile's cache headers and its
   * type. One list per middleware list and kind of viewer, shared by every tile (and its replay): a list
   * per tile, kept with its replay, cost more garbage collection than building it.
   */
  private sharedHeaders(middleware: HeaderList, signedIn: boolean): HeaderList {
    let kinds = this.answerHeaders.get(middleware);
    if (!kinds) this.answerHeaders.set(middleware, (kinds = new Map<boolean, HeaderList>()));
    let headers = kinds.get(signedIn);
    if (!headers) {
      headers = Object.freeze([
        ...middleware,
        ...tileCacheHeaders(signedIn),
        ['Content-Type', MVT_CONTENT_TYPE],
      ]);
      kinds.set(signedIn, headers);
    }
    return headers;
  }

  private readonly answerHeaders = new WeakMap<HeaderList, Map<boolean, HeaderList>>();

  /** Writes the tile and returns true, or returns false (or throws) having written nothing. */
  private async answer(
    req: IncomingMessage,
    res: ServerResponse,
    address: { z: string; x: string; y: string; search: string | undefined },
    middlewareHeaders: HeaderList,
  ): Promise<boolean> {
    const started = process.hrtime.bigint();
    const search = address.search ?? '';
    let query = this.queries.get(search);
    if (!query) {
      const dto = (await this.validation.transform(parseQuery(search), {
        type: 'query',
        metatype: TileQueryDto,
      })) as TileQueryDto;
      query = Object.freeze(dto);
      this.queries.set(search, query);
    }
    const viewer = await this.auth.viewerFor(await this.auth.session(sessionToken(req)));
    if (query.cityId !== undefined && !mayAccessTown(viewer, query.cityId, 'readPublic')) return false;
    const cityIds = visibleCityIds(viewer, query.cityId ? [query.cityId] : undefined, true);
    // a refusal, or towns narrowed for the filter by intervention, are the pipeline's to answer; so is
    // everything for a user on a temporary password (403 there, like every route but the public ones)
    if (viewer.user?.mustChangePassword) return false;
    if (
      !interventionFilterUnchanged(viewer, query.hasIntervention, query.cityId ? [query.cityId] : undefined)
    )
      return false;
    const { z, x, y } = address;
    const tile = await this.tiles.storefrontTile(z, x, y, query, cityIds, req.headers['if-none-match']);

    const headers = this.sharedHeaders(middlewareHeaders, !!viewer.user);
    const requestId = requestIdFor(req.headers['x-request-id']);
    const body = tile.status === 200 ? tile.body : undefined;
    res.writeHead(tile.status, answerHeaders(requestId, headers, tile.etag, body));
    res.end(body);
    if (body) {
      const { version, cityIds, etag } = tile;
      this.replay.record(req, !!viewer.user, { version, cityIds, etag, body, headers }, false);
    }
    if (logs('info'))
      jsonLog({
        level: 'info',
        msg: 'request',
        requestId,
        userId: viewer.user?.id,
        method: 'GET',
        path: req.url!.split('?')[0],
        status: tile.status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        lane: true,
      });
    return true;
  }
}
