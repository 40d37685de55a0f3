import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorator.js';
import { OgcFormatQuery, OgcItemsQuery } from './dto/ogc-items.query.js';
import { GEOJSON, OgcService, CONFORMANCE } from './ogc.service.js';

/** Where this API is reachable from the client's side (behind a proxy with TRUST_PROXY=true). */
export const apiBase = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}/api`;

@ApiTags('ogc')
@Controller('ogc')
export class OgcController {
  constructor(private readonly ogc: OgcService) {}

  @Get()
  @Public()
  landing(@Req() req: Request, @Query() _q: OgcFormatQuery) {
    return this.ogc.landing(`${apiBase(req)}/ogc`);
  }

  @Get('conformance')
  @Public()
  conformance(@Query() _q: OgcFormatQuery) {
    return { conformsTo: CONFORMANCE };
  }

  @Get('collections')
  @Public()
  collections(@Req() req: Request, @Query() _q: OgcFormatQuery) {
    return this.ogc.collections(`${apiBase(req)}/ogc`);
  }

  @Get('collections/:collectionId')
  @Public()
  collection(@Req() req: Request, @Param('collectionId') id: string, @Query() _q: OgcFormatQuery) {
    return this.ogc.collection(`${apiBase(req)}/ogc`, id);
  }

  @Get('collections/:collectionId/items')
  @Public()
  @ApiProduces(GEOJSON)
  async items(
    @Req() req: Request,
    @Res() res: Response,
    @Param('collectionId') id: string,
    @Query() q: OgcItemsQuery,
  ): Promise<void> {
    sendGeoJson(res, await this.ogc.items(`${apiBase(req)}/ogc`, id, q));
  }

  @Get('collections/:collectionId/items/:featureId')
  @Public()
  @ApiProduces(GEOJSON)
  async item(
    @Req() req: Request,
    @Res() res: Response,
    @Param('collectionId') id: string,
    @Param('featureId') featureId: string,
    @Query() q: OgcItemsQuery,
  ): Promise<void> {
    sendGeoJson(res, await this.ogc.item(`${apiBase(req)}/ogc`, id, featureId, q.datetime));
  }
}

function sendGeoJson(res: Response, body: unknown): void {
  res.status(200).type(GEOJSON).setHeader('Cache-Control', 'public, max-age=60');
  res.end(JSON.stringify(body));
}
