import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from '../../auth/viewer.js';
import { Omittable, Trimmed } from '../../common/validators.js';

export class GrantDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'For city_editor and viewer' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For network_member' })
  @IsOptional()
  @IsUUID()
  networkId?: string;
}

class UserFieldsDto {
  @ApiPropertyOptional({ example: 'Anna Schmidt' })
  @Omittable()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  isAdmin?: boolean;

  @ApiPropertyOptional({ type: [GrantDto], description: 'All of the user’s grants; [] takes every one away' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  grants?: GrantDto[];
}

export class CreateUserDto extends UserFieldsDto {
  @ApiProperty({ example: 'citymanager@gotha.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Anna Schmidt' })
  // ValidateIf(() => true) replaces the parent's IsOptional: required here, even when missing or null.
  @ValidateIf(() => true)
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  declare displayName: string;
}

export class UpdateUserDto extends UserFieldsDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: 'Disabled users cannot sign in; their sessions end' })
  @Omittable()
  @IsBoolean()
  disabled?: boolean;
}
