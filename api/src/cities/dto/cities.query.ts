import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CitiesQuery {
  @ApiPropertyOptional({ description: 'Only members of this network (slug)', example: 'thueringer-becken' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'network must be a network slug (a–z, 0–9, hyphens)' })
  network?: string;
}
