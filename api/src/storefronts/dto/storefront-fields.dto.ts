import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  Max,
  ValidateNested,
  IsNotEmpty,
} from 'class-validator';
import { FLOORS, type Floor } from '../storefront.types.js';
import { PointDto } from './point.dto.js';
import { NUMBER_RANGES } from '../number-ranges.js';
import { Omittable, Trimmed } from '../../common/validators.js';

/** The editable attributes of a storefront; every one optional here, required ones enforced by subclasses. */
export class StorefrontFieldsDto {
  @ApiPropertyOptional({ example: 'Steinweg' })
  @Omittable()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  street?: string;

  @ApiPropertyOptional({ example: '12a' })
  @Omittable()
  @IsString()
  @MaxLength(20)
  houseNumber?: string;

  @ApiPropertyOptional({ type: String, example: '99974', nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{5}$/, { message: 'postcode must be five digits' })
  postcode?: string | null;

  @ApiPropertyOptional({ type: PointDto })
  @Omittable()
  @ValidateNested()
  @Type(() => PointDto)
  location?: PointDto;

  @ApiPropertyOptional({ type: Number, example: 85.5, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(NUMBER_RANGES.floorAreaM2.min)
  @Max(NUMBER_RANGES.floorAreaM2.max)
  floorAreaM2?: number | null;

  @ApiPropertyOptional({ type: Number, example: 6, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(NUMBER_RANGES.frontageM.min)
  @Max(NUMBER_RANGES.frontageM.max)
  frontageM?: number | null;

  @ApiPropertyOptional({ enum: FLOORS })
  @Omittable()
  @IsIn(FLOORS)
  floor?: Floor;

  @ApiPropertyOptional({
    type: String,
    example: 'MHL-0042',
    nullable: true,
    description: 'The town’s own id, unique per town',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  referenceId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}
