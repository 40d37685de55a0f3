import { Module } from '@nestjs/common';
import { ReportMapRepository } from './report-map.repository.js';
import { ReportPdfRenderer } from './report-pdf.renderer.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Council reports: the report map and server-side PDFs of the report pages (docs/reports.md). */
@Module({
  controllers: [ReportsController],
  providers: [ReportMapRepository, ReportPdfRenderer, ReportsService],
})
export class ReportsModule {}
