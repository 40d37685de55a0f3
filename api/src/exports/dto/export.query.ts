import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ArrayMaxSize } from 'class-validator';
import { CommaList, IsCalendarDate } from '../../common/validators.js';
import { StorefrontFilterQuery } from '../../storefronts/dto/list-storefronts.query.js';

/** The map's filters plus the CSV dialect. */
export class StorefrontExportQuery extends StorefrontFilterQuery {
  @ApiPropertyOptional({ enum: ['de'], description: 'German Excel: semicolon, decimal comma, UTF-8 BOM' })
  @IsOptional()
  @IsIn(['de'])
  excel?: 'de';
}

export class KpiExportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Town id; comma-separated for several' })
  @IsOptional()
  @CommaList()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  cityId?: string[];

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['de'] })
  @IsOptional()
  @IsIn(['de'])
  excel?: 'de';
}
