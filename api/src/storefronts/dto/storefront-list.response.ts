import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { OccupancyStatus, StorefrontPage, StorefrontSummary } from '../storefront.types.js';
import { StorefrontResponse } from './storefront.response.js';

@ApiSchema({ name: 'StorefrontPage', description: 'One page of the filtered storefront list' })
export class StorefrontPageResponse implements StorefrontPage {
  @ApiProperty({ type: [StorefrontResponse] })
  items: StorefrontResponse[];

  @ApiProperty({ type: 'integer', description: 'Units matching the filters, on all pages' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  page: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  pageSize: number;

  @ApiProperty({ format: 'date', description: 'The date the statuses are as of' })
  asOf: string;
}

/** Units per status; a status without units is left out. */
@ApiSchema({ name: 'CountsByStatus', description: 'Units per status; statuses without units are left out' })
export class CountsByStatusResponse implements Partial<Record<OccupancyStatus, number>> {
  @ApiPropertyOptional({ type: 'integer' })
  occupied?: number;

  @ApiPropertyOptional({ type: 'integer' })
  vacant?: number;

  @ApiPropertyOptional({ type: 'integer' })
  temporary_use?: number;

  @ApiPropertyOptional({ type: 'integer' })
  under_renovation?: number;

  @ApiPropertyOptional({ type: 'integer' })
  not_lettable?: number;

  @ApiPropertyOptional({ type: 'integer' })
  demolished?: number;
}

@ApiSchema({ name: 'StorefrontSummary', description: 'How many units match the filters, by status' })
export class StorefrontSummaryResponse implements StorefrontSummary {
  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: CountsByStatusResponse })
  byStatus: CountsByStatusResponse;
}
