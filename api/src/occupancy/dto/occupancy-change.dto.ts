import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, IsNotEmpty } from 'class-validator';
import { IsCalendarDate, NotAfterToday, Trimmed } from '../../common/validators.js';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';

/** "From `date` on, the unit is `status`." */
export class OccupancyChangeDto {
  @ApiProperty({
    example: '2026-03-01',
    description: 'First day of the new status (YYYY-MM-DD), not after today',
  })
  @IsCalendarDate()
  @NotAfterToday()
  date: string;

  @ApiProperty({ enum: OCCUPANCY_STATUSES })
  @IsIn(OCCUPANCY_STATUSES)
  status: OccupancyStatus;

  @ApiPropertyOptional({ enum: USE_CATEGORIES, nullable: true, description: 'Only while in use' })
  @IsOptional()
  @IsIn(USE_CATEGORIES)
  useCategory?: UseCategory | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  businessName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
