import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { GeoJsonPointResponse } from '../../common/openapi/geojson.response.js';
import { FLOORS, OCCUPANCY_STATUSES, USE_CATEGORIES } from '../../storefronts/storefront.types.js';

const PERSONAL = 'Only in exports by an editor of one of the towns (null for the other towns’ units)';

/** The columns of the storefront export (exports.service.ts), but lon/lat, which are the geometry. */
@ApiSchema({ name: 'StorefrontExportProperties' })
export class StorefrontExportPropertiesResponse {
  @ApiProperty({ format: 'uuid' })
  storefrontId: string;

  @ApiProperty({ description: 'Slug of the town' })
  citySlug: string;

  @ApiProperty({ type: String, nullable: true })
  referenceId: string | null;

  @ApiProperty()
  street: string;

  @ApiProperty()
  houseNumber: string;

  @ApiProperty({ type: String, nullable: true })
  postcode: string | null;

  @ApiProperty({ type: Number, nullable: true })
  floorAreaM2: number | null;

  @ApiProperty({ type: Number, nullable: true })
  frontageM: number | null;

  @ApiProperty({ enum: FLOORS })
  floor: string;

  @ApiProperty({ enum: OCCUPANCY_STATUSES, description: 'On asOf' })
  status: string;

  @ApiProperty({ enum: USE_CATEGORIES, nullable: true })
  useCategory: string | null;

  @ApiProperty({ type: String, nullable: true })
  businessName: string | null;

  @ApiProperty({ format: 'date' })
  statusSince: string;

  @ApiProperty()
  insidePerimeter: boolean;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Day of the last on-site check (Berlin)',
  })
  verifiedAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  notes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  ownerName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  ownerPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  ownerEmail?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: PERSONAL })
  askingRentEurMonth?: number | null;
}

@ApiSchema({ name: 'StorefrontExportFeature' })
export class StorefrontExportFeatureResponse {
  @ApiProperty({ enum: ['Feature'] })
  type: 'Feature';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: GeoJsonPointResponse })
  geometry: GeoJsonPointResponse;

  @ApiProperty({ type: StorefrontExportPropertiesResponse })
  properties: StorefrontExportPropertiesResponse;
}

@ApiSchema({
  name: 'StorefrontExport',
  description: 'The storefront export as a GeoJSON FeatureCollection (RFC 7946, [lon, lat])',
})
export class StorefrontExportResponse {
  @ApiProperty({ enum: ['FeatureCollection'] })
  type: 'FeatureCollection';

  @ApiProperty({ type: [StorefrontExportFeatureResponse] })
  features: StorefrontExportFeatureResponse[];
}
