import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsSlug, NotAfterToday } from '../../common/validators.js';
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

export class TownReportPdfQuery extends ReportPdfQuery {
  @ApiPropertyOptional({
    example: 'innenstaedte-erfolgreich-machen',
    description:
      "Slug of the network whose median the report compares the town with: one of the town's networks (`networkSlugs` of the town); default the first of them",
  })
  @IsOptional()
  @IsSlug()
  network?: string;
}
