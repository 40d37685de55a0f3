import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { NUMBER_RANGES } from '../../storefronts/number-ranges.js';

const nullable = () => ValidateIf((_: unknown, v: unknown) => v !== null);

/** Personal data of a storefront: visible only to the editors of its town. */
export class ContactDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Erika Mustermann' })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(200)
  ownerName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+49 3601 123456' })
  @IsOptional()
  @nullable()
  @Matches(/^[0-9 +()/-]{3,40}$/, { message: 'ownerPhone may contain digits, spaces and + ( ) / - only' })
  ownerPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @nullable()
  @IsEmail()
  @MaxLength(254)
  ownerEmail?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 850 })
  @IsOptional()
  @nullable()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(NUMBER_RANGES.askingRentEurMonth.min)
  @Max(NUMBER_RANGES.askingRentEurMonth.max)
  askingRentEurMonth?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class PutContactDto extends ContactDto {
  @ApiProperty({ description: 'The storefront version you saw' })
  @IsInt()
  @Min(1)
  version: number;
}
