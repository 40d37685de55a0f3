import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CommaList, IsCalendarDate, QueryInt } from '../../common/validators.js';
import {
  INTERVENTION_OBSTACLES,
  INTERVENTION_STATES,
  INTERVENTION_TYPES,
  type InterventionObstacle,
  type InterventionState,
  type InterventionType,
} from '../intervention.types.js';

export class ListInterventionsQuery {
  @ApiPropertyOptional({ description: 'Town id(s), comma-separated' })
  @IsOptional()
  @CommaList()
  @IsUUID('all', { each: true })
  cityId?: string[];

  @ApiPropertyOptional({ description: 'Network slug' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  network?: string;

  @ApiPropertyOptional({ description: `Comma-separated: ${INTERVENTION_TYPES.join(', ')}` })
  @IsOptional()
  @CommaList()
  @IsIn(INTERVENTION_TYPES, { each: true })
  type?: InterventionType[];

  @ApiPropertyOptional({ description: `Comma-separated: ${INTERVENTION_STATES.join(', ')}` })
  @IsOptional()
  @CommaList()
  @IsIn(INTERVENTION_STATES, { each: true })
  state?: InterventionState[];

  @ApiPropertyOptional({
    description: `Comma-separated: ${INTERVENTION_OBSTACLES.join(', ')} — interventions with any of them`,
  })
  @IsOptional()
  @CommaList()
  @IsIn(INTERVENTION_OBSTACLES, { each: true })
  obstacle?: InterventionObstacle[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  storefrontId?: string;

  @ApiPropertyOptional({ description: 'Full-text search (German) in title, description and lessons learned' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    example: '2025-06-30',
    description: 'The day each `outcome12` is known on (a report’s reference date); default today',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
