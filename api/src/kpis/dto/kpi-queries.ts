import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { CommaList, IsCalendarDate } from '../../common/validators.js';
import { MAX_TOWNS, SERIES_INTERVALS, type SeriesInterval } from '../kpi.types.js';

export class KpisQuery {
  @ApiProperty({ description: `Town id(s), comma-separated (at most ${MAX_TOWNS})`, type: String })
  @CommaList()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOWNS)
  @IsUUID('all', { each: true })
  cityId: string[];

  @ApiPropertyOptional({ example: '2025-06-30', description: 'Reference date (YYYY-MM-DD); default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class KpiSeriesQuery {
  @ApiProperty({ description: `Town id(s), comma-separated (at most ${MAX_TOWNS})`, type: String })
  @CommaList()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOWNS)
  @IsUUID('all', { each: true })
  cityId: string[];

  @ApiProperty({
    example: '2015-01-01',
    description: 'First day; the series starts with the bucket containing it',
  })
  @IsCalendarDate()
  from: string;

  @ApiProperty({
    example: '2024-12-31',
    description: 'Last day; the series ends with the bucket containing it',
  })
  @IsCalendarDate()
  to: string;

  @ApiProperty({ enum: SERIES_INTERVALS, description: 'At most 400 buckets' })
  @IsIn(SERIES_INTERVALS)
  interval: SeriesInterval;
}

export class NetworkSummaryQuery {
  @ApiProperty({ description: 'Network slug or id', example: 'thueringer-becken' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  network: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'Reference date (YYYY-MM-DD); default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A member town (id): the answer adds its place per KPI among the members compared (`town.ranks`). 400 when it is not one of them.',
  })
  @IsOptional()
  @IsUUID('all')
  town?: string;
}

export class InterventionsByTypeQuery {
  @ApiPropertyOptional({ description: 'Network slug or id' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  network?: string;

  @ApiPropertyOptional({ description: `Town id(s), comma-separated (at most ${MAX_TOWNS})`, type: String })
  @IsOptional()
  @CommaList()
  @IsArray()
  @ArrayMaxSize(MAX_TOWNS)
  @IsUUID('all', { each: true })
  cityId?: string[];

  @ApiPropertyOptional({ example: '2025-06-30', description: 'Outcomes known on this date; default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class TransitionsQuery {
  @ApiProperty({ format: 'uuid', description: 'Town id' })
  @IsUUID('all')
  cityId: string;

  @ApiPropertyOptional({
    example: '2024-07-01',
    description: 'First day (inclusive); default 12 months before `to`',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'Last day (inclusive); default today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
