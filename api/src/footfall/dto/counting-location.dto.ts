import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, Omittable, Trimmed } from '../../common/validators.js';

/**
 * A correction of a counting location: its name (a typo) or its position (mistyped, or never given).
 * `lon` and `lat` come together; both null remove the position.
 */
export class UpdateCountingLocationDto {
  @ApiPropertyOptional({ example: 'Steinweg / Markt', maxLength: 120 })
  @Omittable()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Longitude (EPSG:4326); null with lat removes the position',
  })
  @ValidateIf((o: UpdateCountingLocationDto) => o.lon !== undefined && o.lon !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Latitude (EPSG:4326); null with lon removes the position',
  })
  @ValidateIf((o: UpdateCountingLocationDto) => o.lat !== undefined && o.lat !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number | null;
}

/** Days of counts to remove from a counting location (local days in Germany, both included). */
export class CountsRangeQuery {
  @ApiProperty({ example: '2025-03-03', description: 'First day whose counts are removed' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-03-09', description: 'Last day whose counts are removed' })
  @IsCalendarDate()
  to!: string;
}
