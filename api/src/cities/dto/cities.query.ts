import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsSlug } from '../../common/validators.js';

export class CitiesQuery {
  @ApiPropertyOptional({ description: 'Only members of this network (slug)', example: 'thueringer-becken' })
  @IsOptional()
  @IsSlug()
  network?: string;
}
