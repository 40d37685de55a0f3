import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, NotAfterToday } from '../../common/validators.js';
import { IMPORT_SRIDS, type ImportSrid } from '../import.types.js';

const header = () => [IsOptional(), IsString(), MaxLength(200)];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** Which header of the file holds which field (omit a field the file does not have). */
export class ImportColumnsDto {
  @ApiPropertyOptional() @apply(header()) referenceId?: string;
  @ApiPropertyOptional() @apply(header()) street?: string;
  @ApiPropertyOptional() @apply(header()) houseNumber?: string;
  @ApiPropertyOptional({ description: 'Street and house number in one column' })
  @apply(header())
  address?: string;
  @ApiPropertyOptional() @apply(header()) postcode?: string;
  @ApiPropertyOptional() @apply(header()) floorAreaM2?: string;
  @ApiPropertyOptional() @apply(header()) frontageM?: string;
  @ApiPropertyOptional() @apply(header()) floor?: string;
  @ApiPropertyOptional() @apply(header()) status?: string;
  @ApiPropertyOptional() @apply(header()) useCategory?: string;
  @ApiPropertyOptional() @apply(header()) businessName?: string;
  @ApiPropertyOptional({ description: 'Date the current status began („Leerstand seit“)' })
  @apply(header())
  statusSince?: string;
  @ApiPropertyOptional() @apply(header()) lat?: string;
  @ApiPropertyOptional() @apply(header()) lon?: string;
  @ApiPropertyOptional({ description: 'Rechtswert (ETRS89/UTM)' }) @apply(header()) easting?: string;
  @ApiPropertyOptional({ description: 'Hochwert (ETRS89/UTM)' }) @apply(header()) northing?: string;
  @ApiPropertyOptional({ description: 'WKT or EWKT point' }) @apply(header()) wkt?: string;
  @ApiPropertyOptional() @apply(header()) notes?: string;
  @ApiPropertyOptional() @apply(header()) ownerName?: string;
  @ApiPropertyOptional() @apply(header()) ownerPhone?: string;
  @ApiPropertyOptional() @apply(header()) ownerEmail?: string;
  @ApiPropertyOptional() @apply(header()) askingRentEurMonth?: string;
}

export class ImportMappingDto {
  // ValidateNested passes a missing value (the service then read `undefined`: a 500) and an array.
  @ApiProperty({ type: ImportColumnsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ImportColumnsDto)
  columns!: ImportColumnsDto;

  @ApiProperty({ enum: IMPORT_SRIDS, description: 'System of easting/northing and WKT columns' })
  @IsIn(IMPORT_SRIDS)
  srid!: ImportSrid;

  @ApiProperty({ enum: [',', '.'] })
  @IsIn([',', '.'])
  decimalSeparator!: ',' | '.';

  @ApiProperty({
    example: '2026-01-01',
    description: 'The list’s reference date, not after today: status changes take effect on it',
  })
  @IsCalendarDate()
  @NotAfterToday()
  referenceDate!: string;

  @ApiProperty({ example: { Leerstand: 'vacant' }, description: 'Cell text → status' })
  @IsObject()
  statusValues!: Record<string, string>;

  @ApiProperty({ example: { Gastronomie: 'food_drink' }, description: 'Cell text → use category' })
  @IsObject()
  categoryValues!: Record<string, string>;

  @ApiPropertyOptional({
    default: false,
    description: 'Import the good rows and report the others as rejected',
  })
  @IsOptional()
  @IsBoolean()
  skipInvalidRows?: boolean;
}

export class UploadQuery {
  @ApiPropertyOptional({ description: 'File name (decides the reader: .csv, .xlsx, .geojson)' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}
