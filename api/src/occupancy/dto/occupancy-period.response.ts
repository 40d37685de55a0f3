import { ApiBusinessName } from '../../storefronts/dto/storefront.response.js';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { StorefrontResponse } from '../../storefronts/dto/storefront.response.js';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';
import type { StoredPeriod } from '../occupancy.repository.js';
import type { HistoryResult } from '../occupancy.service.js';

@ApiSchema({
  name: 'OccupancyPeriod',
  description: 'One period of a unit’s status history, half-open [validFrom, validTo)',
})
export class OccupancyPeriodResponse implements StoredPeriod {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  storefrontId: string;

  @ApiProperty({ enum: OCCUPANCY_STATUSES })
  status: OccupancyStatus;

  @ApiProperty({ enum: USE_CATEGORIES, nullable: true, description: 'Only while in use' })
  useCategory: UseCategory | null;

  @ApiBusinessName()
  businessName: string | null;

  @ApiProperty({ format: 'date', description: 'First day' })
  validFrom: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Day after the period (the next one’s start); null for the current, open period',
  })
  validTo: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for everyone but the town’s editors' })
  note: string | null;
}

@ApiSchema({ name: 'StorefrontHistory', description: 'A unit and its whole status history after a change' })
export class StorefrontHistoryResponse implements HistoryResult {
  @ApiProperty({ type: StorefrontResponse, description: 'The unit as of today, with its new version' })
  storefront: StorefrontResponse;

  @ApiProperty({ type: [OccupancyPeriodResponse], description: 'Oldest first, gap-free' })
  periods: OccupancyPeriodResponse[];
}
