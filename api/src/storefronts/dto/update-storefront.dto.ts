import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { QueryInt } from '../../common/validators.js';
import { StorefrontFieldsDto } from './storefront-fields.dto.js';

export class UpdateStorefrontDto extends StorefrontFieldsDto {
  @ApiProperty({ description: 'The version you edited; a newer one in the database answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class VersionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class VersionQuery {
  @ApiProperty({ description: 'The version you saw' })
  @QueryInt()
  @IsInt()
  @Min(1)
  version: number;
}
