import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { QueryBoolean } from '../../common/validators.js';

export class WalkUnitsQuery {
  @ApiProperty({ example: 'Marktstraße', description: 'The street as recorded (one of GET …/walk)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  street!: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only the units due for an on-site check' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  due?: boolean;
}
