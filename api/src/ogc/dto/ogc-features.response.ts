import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { GeoJsonMultiPolygonResponse, GeoJsonPointResponse } from '../../common/openapi/geojson.response.js';
import {
  FLOORS,
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type Floor,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';
import { OgcLinkResponse } from './ogc-metadata.response.js';

/** What the public sees of a unit: no notes, no business names, never contacts. */
@ApiSchema({ name: 'OgcStorefrontProperties' })
export class OgcStorefrontPropertiesResponse {
  @ApiProperty({ description: 'Slug of the town' })
  town: string;

  @ApiProperty()
  townName: string;

  @ApiProperty()
  street: string;

  @ApiProperty()
  houseNumber: string;

  @ApiProperty({ type: String, nullable: true })
  postcode: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'm²' })
  floorAreaM2: number | null;

  @ApiProperty({ enum: FLOORS })
  floor: Floor;

  @ApiProperty({ enum: OCCUPANCY_STATUSES, description: 'On asOf' })
  status: OccupancyStatus;

  @ApiProperty({ enum: USE_CATEGORIES, nullable: true })
  useCategory: UseCategory | null;

  @ApiProperty({ format: 'date', description: 'Start of the unbroken run of this status' })
  statusSince: string;

  @ApiProperty()
  insidePerimeter: boolean;

  @ApiProperty({ format: 'date', description: 'The date the status is as of (`datetime`, default today)' })
  asOf: string;
}

@ApiSchema({ name: 'OgcStorefrontFeature', description: 'A storefront of a town that publishes open data' })
export class OgcStorefrontFeatureResponse {
  @ApiProperty({ enum: ['Feature'] })
  type: 'Feature';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: GeoJsonPointResponse })
  geometry: GeoJsonPointResponse;

  @ApiProperty({ type: OgcStorefrontPropertiesResponse })
  properties: OgcStorefrontPropertiesResponse;

  @ApiPropertyOptional({
    type: [OgcLinkResponse],
    description: 'Only when the feature is fetched on its own',
  })
  links?: OgcLinkResponse[];
}

@ApiSchema({ name: 'OgcPerimeterProperties' })
export class OgcPerimeterPropertiesResponse {
  @ApiProperty({ description: 'Slug of the town' })
  town: string;

  @ApiProperty()
  townName: string;

  @ApiProperty({ description: 'Official municipality key' })
  ags: string;

  @ApiProperty()
  state: string;

  @ApiProperty({ description: 'A provisional buffer around the centre, not a drawn perimeter' })
  isPlaceholder: boolean;
}

@ApiSchema({
  name: 'OgcPerimeterFeature',
  description: 'The downtown perimeter of a town that publishes open data',
})
export class OgcPerimeterFeatureResponse {
  @ApiProperty({ enum: ['Feature'] })
  type: 'Feature';

  @ApiProperty({ format: 'uuid', description: 'The town' })
  id: string;

  @ApiProperty({ type: GeoJsonMultiPolygonResponse })
  geometry: GeoJsonMultiPolygonResponse;

  @ApiProperty({ type: OgcPerimeterPropertiesResponse })
  properties: OgcPerimeterPropertiesResponse;

  @ApiPropertyOptional({
    type: [OgcLinkResponse],
    description: 'Only when the feature is fetched on its own',
  })
  links?: OgcLinkResponse[];
}

/** A feature of either collection (storefronts: points; perimeters: multipolygons). */
export const OGC_FEATURE_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(OgcStorefrontFeatureResponse) },
    { $ref: getSchemaPath(OgcPerimeterFeatureResponse) },
  ],
};

@ApiExtraModels(OgcStorefrontFeatureResponse, OgcPerimeterFeatureResponse)
@ApiSchema({ name: 'OgcFeatureCollection', description: 'One page of a collection’s features' })
export class OgcFeatureCollectionResponse {
  @ApiProperty({ enum: ['FeatureCollection'] })
  type: 'FeatureCollection';

  @ApiProperty({ type: 'array', items: OGC_FEATURE_SCHEMA })
  features: (OgcStorefrontFeatureResponse | OgcPerimeterFeatureResponse)[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Features matching, on all pages' })
  numberMatched: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  numberReturned: number;

  @ApiProperty({ format: 'date-time' })
  timeStamp: string;

  @ApiProperty({ type: [OgcLinkResponse], description: 'self, collection, and next/prev pages' })
  links: OgcLinkResponse[];
}
