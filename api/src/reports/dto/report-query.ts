import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, NotAfterToday } from '../../common/validators.js';
import { REPORT_LANGUAGES, type ReportLanguage } from '../report.types.js';

export class ReportMapQuery {
  @ApiPropertyOptional({
    example: '2025-06-30',
    description: 'Reference date (YYYY-MM-DD), not after today (a report states facts); default today',
  })
  @IsOptional()
  @IsCalendarDate()
  @NotAfterToday()
  asOf?: string;
}

export class ReportPdfQuery extends ReportMapQuery {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'de' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}
