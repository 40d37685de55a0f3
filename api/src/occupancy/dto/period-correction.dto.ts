import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate, NotAfterToday, Omittable, Trimmed } from '../../common/validators.js';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';
import { OccupancyChangeDto } from './occupancy-change.dto.js';

export class StatusChangeDto extends OccupancyChangeDto {
  @ApiProperty({ description: 'The storefront version you saw' })
  @IsInt()
  @Min(1)
  version: number;
}

/** A correction of a past (or the current) period; neighbours move with changed dates. */
export class PeriodCorrectionDto {
  @ApiProperty({ description: 'The storefront version you saw' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: '2024-05-01' })
  @Omittable()
  @IsCalendarDate()
  @NotAfterToday()
  validFrom?: string;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'Exclusive end; the next period starts here' })
  @IsOptional()
  @IsCalendarDate()
  @NotAfterToday()
  validTo?: string;

  @ApiPropertyOptional({ enum: OCCUPANCY_STATUSES })
  @Omittable()
  @IsIn(OCCUPANCY_STATUSES)
  status?: OccupancyStatus;

  @ApiPropertyOptional({ enum: USE_CATEGORIES, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(USE_CATEGORIES)
  useCategory?: UseCategory | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  businessName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
