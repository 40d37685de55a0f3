import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { interventionFilterScope } from '../storefronts/storefront-redaction.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { TileQueryDto } from './dto/tile-query.dto.js';
import { headersOf, MVT_CONTENT_TYPE, tileHeaders } from './tile-headers.js';
import { PER_ANSWER, TileReplay } from './tile-replay.js';
import { TilesService } from './tiles.service.js';

@ApiTags('tiles')
@Controller('tiles')
export class TilesController {
  constructor(
    private readonly tiles: TilesService,
    private readonly replay: TileReplay,
  ) {}

  @Get('storefronts/:z/:x/:y')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces(MVT_CONTENT_TYPE)
  @ApiOkResponse({
    description:
      'Mapbox Vector Tile. z >= 13: layer `storefronts` (points: id, status, use_category, street, house_number, ' +
      'status_since, inside_perimeter). z < 13: layer `storefront_cells` (units, vacant, vacancy_share). ' +
      'An area without storefronts gives an empty (0-byte) tile. ETag + If-None-Match → 304.',
    content: { [MVT_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotModifiedResponse({ description: 'The tile has not changed since the ETag given in If-None-Match.' })
  @ApiErrors(
    [400, 'Not a valid tile address or filter (VALIDATION_FAILED), e.g. x or y outside the zoom level.'],
    401,
    403,
  )
  async storefronts(
    @Param('z') z: string,
    @Param('x') x: string,
    @Param('y') y: string,
    @Query() query: TileQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentViewer() viewer: Viewer,
  ): Promise<void> {
    const requested = query.cityId ? [query.cityId] : undefined;
    const cityIds = interventionFilterScope(
      viewer,
      query.hasIntervention,
      requested,
      visibleCityIds(viewer, requested, true),
    );
    const tile = await this.tiles.storefrontTile(z, x, y, query, cityIds, ifNoneMatch);
    for (const [name, value] of tileHeaders(tile.etag, !!viewer.user)) res.setHeader(name, value);
    if (tile.status === 304) {
      res.status(304).end();
      return;
    }
    res.status(200).type(MVT_CONTENT_TYPE).setHeader('Content-Length', String(tile.body.length));
    const headers = headersOf(res, PER_ANSWER);
    this.replay.record(
      { url: req.originalUrl, headers: req.headers },
      !!viewer.user,
      { ...tile, headers },
      true,
    );
    res.end(tile.body);
  }
}
