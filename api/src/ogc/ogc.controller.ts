import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorator.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { apiBase } from './api-base.js';
import {
  OGC_FEATURE_SCHEMA,
  OgcFeatureCollectionResponse,
  OgcPerimeterFeatureResponse,
  OgcStorefrontFeatureResponse,
} from './dto/ogc-features.response.js';
import { OgcFormatQuery, OgcItemsQuery } from './dto/ogc-items.query.js';
import {
  OgcCollectionResponse,
  OgcCollectionsResponse,
  OgcConformanceResponse,
  OgcLandingResponse,
} from './dto/ogc-metadata.response.js';
import { GEOJSON, OgcService, CONFORMANCE } from './ogc.service.js';

const NO_COLLECTION: DocumentedError = [
  404,
  'There is no such collection (storefronts, perimeters) (NOT_FOUND).',
];

@ApiTags('ogc')
@Controller('ogc')
@ApiExtraModels(OgcFeatureCollectionResponse, OgcStorefrontFeatureResponse, OgcPerimeterFeatureResponse)
export class OgcController {
  constructor(
    private readonly ogc: OgcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({
    type: OgcLandingResponse,
    description: 'OGC API – Features landing page: links to the API definition, conformance and collections.',
  })
  @ApiErrors(400)
  landing(@Req() req: Request, @Query() _q: OgcFormatQuery) {
    return this.ogc.landing(`${apiBase(req, this.config.publicUrl)}/ogc`);
  }

  @Get('conformance')
  @Public()
  @ApiOkResponse({
    type: OgcConformanceResponse,
    description: 'The OGC conformance classes this API implements.',
  })
  @ApiErrors(400)
  conformance(@Query() _q: OgcFormatQuery) {
    return { conformsTo: CONFORMANCE };
  }

  @Get('collections')
  @Public()
  @ApiOkResponse({
    type: OgcCollectionsResponse,
    description: 'The two collections (storefronts, downtown perimeters) with their extent.',
  })
  @ApiErrors(400)
  collections(@Req() req: Request, @Query() _q: OgcFormatQuery) {
    return this.ogc.collections(`${apiBase(req, this.config.publicUrl)}/ogc`);
  }

  @Get('collections/:collectionId')
  @Public()
  @ApiOkResponse({ type: OgcCollectionResponse, description: 'One collection with its extent and links.' })
  @ApiErrors(400, NO_COLLECTION)
  collection(@Req() req: Request, @Param('collectionId') id: string, @Query() _q: OgcFormatQuery) {
    return this.ogc.collection(`${apiBase(req, this.config.publicUrl)}/ogc`, id);
  }

  @Get('collections/:collectionId/items')
  @Public()
  @ApiProduces(GEOJSON)
  @ApiOkResponse({
    description:
      'One page of the collection’s features as GeoJSON (open-data towns only), with next/prev links.',
    content: { [GEOJSON]: { schema: { $ref: getSchemaPath(OgcFeatureCollectionResponse) } } },
  })
  @ApiErrors(
    [400, 'The request is not valid (VALIDATION_FAILED), e.g. a malformed bbox or a datetime interval.'],
    NO_COLLECTION,
  )
  async items(
    @Req() req: Request,
    @Res() res: Response,
    @Param('collectionId') id: string,
    @Query() q: OgcItemsQuery,
  ): Promise<void> {
    sendGeoJson(res, await this.ogc.items(`${apiBase(req, this.config.publicUrl)}/ogc`, id, q));
  }

  @Get('collections/:collectionId/items/:featureId')
  @Public()
  @ApiProduces(GEOJSON)
  @ApiOkResponse({
    description: 'One feature as GeoJSON: a storefront (point) or a downtown perimeter (multipolygon).',
    content: { [GEOJSON]: { schema: OGC_FEATURE_SCHEMA } },
  })
  @ApiErrors(400, [404, 'There is no such collection, or no such feature in it (NOT_FOUND).'])
  async item(
    @Req() req: Request,
    @Res() res: Response,
    @Param('collectionId') id: string,
    @Param('featureId') featureId: string,
    @Query() q: OgcItemsQuery,
  ): Promise<void> {
    sendGeoJson(
      res,
      await this.ogc.item(`${apiBase(req, this.config.publicUrl)}/ogc`, id, featureId, q.datetime),
    );
  }
}

function sendGeoJson(res: Response, body: unknown): void {
  res.status(200).type(GEOJSON).setHeader('Cache-Control', 'public, max-age=60');
  res.end(JSON.stringify(body));
}
