import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, NotAfterToday, Omittable, Trimmed } from '../../common/validators.js';
import {
  INTERVENTION_OBSTACLES,
  INTERVENTION_STATES,
  INTERVENTION_TYPES,
  type InterventionObstacle,
  type InterventionState,
  type InterventionType,
} from '../intervention.types.js';

const nullable = () => ValidateIf((_: unknown, v: unknown) => v !== null);

export class InterventionFieldsDto {
  @ApiPropertyOptional({ enum: INTERVENTION_TYPES })
  @Omittable()
  @IsIn(INTERVENTION_TYPES)
  type?: InterventionType;

  @ApiPropertyOptional({ example: 'Testladen „Frei.Handel“, Kohorte 3' })
  @Omittable()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(10000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-03-01' })
  @IsOptional()
  @nullable()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2024-08-31',
    description: 'Last day (inclusive)',
  })
  @IsOptional()
  @nullable()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 12000 })
  @IsOptional()
  @nullable()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  budgetEur?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Städtebauförderung' })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(500)
  fundingSource?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(2000)
  partners?: string | null;

  @ApiPropertyOptional({ enum: INTERVENTION_STATES })
  @Omittable()
  @IsIn(INTERVENTION_STATES)
  state?: InterventionState;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(20000)
  lessonsLearned?: string | null;

  @ApiPropertyOptional({
    enum: INTERVENTION_OBSTACLES,
    isArray: true,
    description:
      'What stood in its way (several allowed; each kept once, in the list order). [] clears them.',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsIn(INTERVENTION_OBSTACLES, { each: true })
  obstacles?: InterventionObstacle[];

  @ApiPropertyOptional({ type: [String], description: 'Storefronts of the same town this intervention used' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  storefrontIds?: string[];
}

export class CreateInterventionDto extends InterventionFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId: string;

  // ValidateIf(() => true) replaces the parent's Omittable condition: required here, even when missing.
  @ApiProperty({ enum: INTERVENTION_TYPES })
  @ValidateIf(() => true)
  @IsIn(INTERVENTION_TYPES)
  declare type: InterventionType;

  // (each rule again: class-validator drops the parent's rules of a property declared anew)
  @ApiProperty()
  @ValidateIf(() => true)
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  declare title: string;
}

export class UpdateInterventionDto extends InterventionFieldsDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class OutcomeCheckDto {
  @ApiProperty({ description: 'The intervention version you saw (409 if someone saved meanwhile)' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2025-03-01',
    description:
      'Not after today, and not earlier than a month before the check is due (end + 6, 12 or 24 months)',
  })
  @IsOptional()
  @nullable()
  @IsCalendarDate()
  @NotAfterToday()
  checkedOn?: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Was a regular lease signed for the unit?',
  })
  @IsOptional()
  @nullable()
  @IsBoolean()
  regularLeaseSigned?: boolean | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Is the business still trading?' })
  @IsOptional()
  @nullable()
  @IsBoolean()
  businessStillTrading?: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
