import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { QueryInt } from '../../common/validators.js';

export const OGC_MAX_LIMIT = 1000;

/** OGC API – Features, Part 1: the query parameters of …/items. */
export class OgcItemsQuery {
  @ApiPropertyOptional({
    default: 100,
    maximum: OGC_MAX_LIMIT,
    description: `Larger values are treated as ${OGC_MAX_LIMIT}`,
  })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'number' ? Math.min(value, OGC_MAX_LIMIT) : value,
  )
  limit?: number;

  @ApiPropertyOptional({ default: 0, description: 'Paging (the next/prev links carry it)' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;

  @ApiPropertyOptional({
    example: '10.44,51.20,10.47,51.22',
    description: 'minLon,minLat,maxLon,maxLat (CRS84)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  bbox?: string;

  @ApiPropertyOptional({
    example: '2025-01-01',
    description: 'Status as of this date (a date or date-time; no intervals)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  datetime?: string;

  @ApiPropertyOptional({ enum: ['json', 'geojson'] })
  @IsOptional()
  @IsIn(['json', 'geojson'])
  f?: string;
}

export class OgcFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'geojson'] })
  @IsOptional()
  @IsIn(['json', 'geojson'])
  f?: string;
}
