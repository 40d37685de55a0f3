import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { Link } from '../ogc.service.js';

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

@ApiSchema({ name: 'OgcLink' })
export class OgcLinkResponse implements Link {
  @ApiProperty({ format: 'uri' })
  href: string;

  @ApiProperty({ example: 'self', description: 'Relation: self, data, items, next, prev, collection …' })
  rel: string;

  @ApiProperty({ example: 'application/geo+json', description: 'Media type of the target' })
  type: string;

  @ApiPropertyOptional()
  title?: string;
}

@ApiSchema({ name: 'OgcLanding', description: 'OGC API – Features landing page' })
export class OgcLandingResponse {
  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [OgcLinkResponse], description: 'API definition, conformance, collections' })
  links: OgcLinkResponse[];
}

@ApiSchema({ name: 'OgcConformance', description: 'The OGC API – Features conformance classes implemented' })
export class OgcConformanceResponse {
  @ApiProperty({ type: [String], format: 'uri' })
  conformsTo: string[];
}

@ApiSchema({ name: 'OgcSpatialExtent' })
export class OgcSpatialExtentResponse {
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
    description: 'One box: [minLon, minLat, maxLon, maxLat]',
  })
  bbox: [number, number, number, number][];

  @ApiProperty({ enum: [CRS84] })
  crs: string;
}

@ApiSchema({ name: 'OgcTemporalExtent' })
export class OgcTemporalExtentResponse {
  @ApiProperty({
    type: 'array',
    items: {
      type: 'array',
      items: { type: 'string', format: 'date-time', nullable: true },
      minItems: 2,
      maxItems: 2,
    },
    description: 'One interval [start, end]; null end: open',
  })
  interval: (string | null)[][];
}

@ApiSchema({ name: 'OgcExtent' })
export class OgcExtentResponse {
  @ApiProperty({ type: OgcSpatialExtentResponse })
  spatial: OgcSpatialExtentResponse;

  @ApiPropertyOptional({
    type: OgcTemporalExtentResponse,
    description: 'Storefronts only: statuses have dates',
  })
  temporal?: OgcTemporalExtentResponse;
}

@ApiSchema({ name: 'OgcCollection', description: 'A feature collection: storefronts or downtown perimeters' })
export class OgcCollectionResponse {
  @ApiProperty({ enum: ['storefronts', 'perimeters'] })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: ['feature'] })
  itemType: string;

  @ApiProperty({ type: [String], format: 'uri' })
  crs: string[];

  @ApiProperty({ type: OgcExtentResponse })
  extent: OgcExtentResponse;

  @ApiProperty({ type: [OgcLinkResponse] })
  links: OgcLinkResponse[];
}

@ApiSchema({ name: 'OgcCollections' })
export class OgcCollectionsResponse {
  @ApiProperty({ type: [OgcLinkResponse] })
  links: OgcLinkResponse[];

  @ApiProperty({ type: [OgcCollectionResponse] })
  collections: OgcCollectionResponse[];
}
