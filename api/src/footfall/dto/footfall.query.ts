import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, QueryNumber } from '../../common/validators.js';

export class FootfallUploadQuery {
  @ApiProperty({
    description: 'Name of the counting location (created on first upload)',
    example: 'Steinweg / Markt',
  })
  // Trimmed, so that a name of blanks is a missing name (400), not a refused row (the table's check).
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  location!: string;

  @ApiPropertyOptional({ description: 'Longitude of the counter (EPSG:4326)' })
  @IsOptional()
  @QueryNumber()
  @IsNumber()
  @Min(-180)
  @Max(180)
  lon?: number;

  @ApiPropertyOptional({ description: 'Latitude of the counter (EPSG:4326)' })
  @IsOptional()
  @QueryNumber()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number;
}

export class FootfallTrendQuery {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First day (default: a year before `to`)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last day (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
