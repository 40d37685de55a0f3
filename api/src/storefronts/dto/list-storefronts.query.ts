import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CommaList, IsBbox, IsCalendarDate, QueryBoolean, QueryInt } from '../../common/validators.js';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../storefront.types.js';
import { STOREFRONT_SORTS } from '../storefronts.repository.js';

const SORTS = Object.keys(STOREFRONT_SORTS).flatMap((k) => [k, `-${k}`]);

/** The filters shared by the list, the summary, the tiles and the exports. */
export class StorefrontFilterQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Town id; comma-separated for several' })
  @IsOptional()
  @CommaList()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  cityId?: string[];

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Reference date (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: `Comma-separated: ${OCCUPANCY_STATUSES.join(', ')}` })
  @IsOptional()
  @CommaList()
  @IsIn(OCCUPANCY_STATUSES, { each: true })
  status?: OccupancyStatus[];

  @ApiPropertyOptional({ description: `Comma-separated: ${USE_CATEGORIES.join(', ')}` })
  @IsOptional()
  @CommaList()
  @IsIn(USE_CATEGORIES, { each: true })
  useCategory?: UseCategory[];

  @ApiPropertyOptional({ description: 'Vacant without interruption for at least N months' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  @Max(600)
  vacantForMonths?: number;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  hasIntervention?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only units inside the downtown perimeter' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  withinPerimeter?: boolean;

  @ApiPropertyOptional({ example: '10.44,51.20,10.47,51.22', description: 'minLon,minLat,maxLon,maxLat' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((v) => (v.trim() === '' ? NaN : Number(v))) : value,
  )
  @IsBbox()
  bbox?: [number, number, number, number];
}

export class ListStorefrontsQuery extends StorefrontFilterQuery {
  @ApiPropertyOptional({ enum: SORTS, default: 'street' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
