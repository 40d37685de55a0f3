import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';

const list = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    : value;
const integer = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const boolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The storefront filter of the list endpoint, as query parameters of a tile request. */
export class TileQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ example: '2024-06-30', description: 'Stichtag (default: today)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'vacant,temporary_use' })
  @IsOptional()
  @Transform(list)
  @IsIn(OCCUPANCY_STATUSES, { each: true })
  status?: OccupancyStatus[];

  @ApiPropertyOptional({ description: 'Comma-separated use categories' })
  @IsOptional()
  @Transform(list)
  @IsIn(USE_CATEGORIES, { each: true })
  useCategory?: UseCategory[];

  @ApiPropertyOptional({ minimum: 0, maximum: 600 })
  @IsOptional()
  @Transform(integer)
  @IsInt()
  @Min(0)
  @Max(600)
  vacantForMonths?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(boolean)
  @IsBoolean()
  hasIntervention?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(boolean)
  @IsBoolean()
  withinPerimeter?: boolean;

  @ApiPropertyOptional({ description: 'Client cache-buster; ignored by the server' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  v?: string;
}
