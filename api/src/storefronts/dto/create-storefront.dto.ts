import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trimmed } from '../../common/validators.js';
import { OccupancyChangeDto } from '../../occupancy/dto/occupancy-change.dto.js';
import { PointDto } from './point.dto.js';
import { StorefrontFieldsDto } from './storefront-fields.dto.js';

export class CreateStorefrontDto extends StorefrontFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId: string;

  // ValidateIf(() => true) replaces the parent's Omittable condition: required here, even when missing.
  @ApiProperty({ example: 'Steinweg' })
  // (each rule again: class-validator drops the parent's rules of a property declared anew)
  @ValidateIf(() => true)
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  declare street: string;

  @ApiProperty({ type: PointDto })
  @ValidateIf(() => true)
  @IsDefined()
  @ValidateNested()
  @Type(() => PointDto)
  declare location: PointDto;

  @ApiProperty({ type: OccupancyChangeDto, description: 'The status the unit has from `date` on' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OccupancyChangeDto)
  initialStatus: OccupancyChangeDto;
}
