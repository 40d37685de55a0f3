import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { GeoJsonPointResponse } from '../../common/openapi/geojson.response.js';
import {
  FLOORS,
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type CurrentOccupancy,
  type Floor,
  type OccupancyStatus,
  type Storefront,
  type StorefrontVisits,
  type UseCategory,
} from '../storefront.types.js';
import type { StorefrontWithWarnings } from '../storefronts.service.js';

/** A business name as answered: the same rule for the unit's current period and its history. */
export const ApiBusinessName = (): PropertyDecorator =>
  ApiProperty({
    type: String,
    nullable: true,
    description: 'null for a caller who reads the town only as open data (a business name may name a person)',
  });

@ApiSchema({ name: 'CurrentOccupancy', description: 'The status period valid on the requested date' })
export class CurrentOccupancyResponse implements CurrentOccupancy {
  @ApiProperty({ enum: OCCUPANCY_STATUSES })
  status: OccupancyStatus;

  @ApiProperty({ enum: USE_CATEGORIES, nullable: true, description: 'Only while in use' })
  useCategory: UseCategory | null;

  @ApiBusinessName()
  businessName: string | null;

  @ApiProperty({ format: 'date', description: 'First day of the period' })
  validFrom: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Day after the period (exclusive); null while it lasts',
  })
  validTo: string | null;

  @ApiProperty({
    format: 'date',
    description:
      'Start of the unbroken run of this status (a vacancy’s start, even across corrected periods)',
  })
  statusSince: string;
}

@ApiSchema({
  name: 'Storefront',
  description: 'A commercial unit (Ladenlokal) and its status on the requested date',
})
export class StorefrontResponse implements Storefront {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The town' })
  cityId: string;

  @ApiProperty({ example: 'Steinweg' })
  street: string;

  @ApiProperty({ example: '12a', description: 'Empty when unknown' })
  houseNumber: string;

  @ApiProperty({ type: String, nullable: true, example: '99974' })
  postcode: string | null;

  @ApiProperty({ type: GeoJsonPointResponse })
  location: GeoJsonPointResponse;

  @ApiProperty({ type: Number, nullable: true, description: 'Sales floor area in m²' })
  floorAreaM2: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Shop-window frontage in metres' })
  frontageM: number | null;

  @ApiProperty({ enum: FLOORS })
  floor: Floor;

  @ApiProperty({ type: String, nullable: true, description: 'The town’s own id, unique per town' })
  referenceId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Internal working notes; null for everyone but the town’s editors',
  })
  notes: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last check on site' })
  verifiedAt: string | null;

  @ApiProperty({ description: 'Demo data, not a real unit' })
  isSynthetic: boolean;

  @ApiProperty({ description: 'Inside the town’s downtown perimeter' })
  insidePerimeter: boolean;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Interventions (pop-up, test shop …) that used the unit; null for a caller who reads the town only as open data',
  })
  interventionCount: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', description: 'Send it back with a change (optimistic locking)' })
  version: number;

  @ApiProperty({
    type: CurrentOccupancyResponse,
    nullable: true,
    description: 'The period valid on the requested date (today by default); null before the first one',
  })
  current: CurrentOccupancyResponse | null;
}

@ApiSchema({
  name: 'StorefrontWithWarnings',
  description: 'A unit just created or changed, with notes on its placement',
})
export class StorefrontWithWarningsResponse extends StorefrontResponse implements StorefrontWithWarnings {
  @ApiProperty({
    type: [String],
    description: 'Saved anyway, but worth a look (e.g. the location lies outside the downtown perimeter)',
  })
  warnings: string[];
}

@ApiSchema({ name: 'StorefrontVisits', description: 'The on-site verifications of a unit' })
export class StorefrontVisitsResponse implements StorefrontVisits {
  @ApiProperty({ format: 'uuid' })
  storefrontId: string;

  @ApiProperty({
    type: [String],
    format: 'date-time',
    description:
      'Every visit recorded (by „verified today“, or before December 2026 by the audit trail), newest first',
  })
  visits: string[];
}
