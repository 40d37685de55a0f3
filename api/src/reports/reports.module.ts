import { Module } from '@nestjs/common';
import { ReportMapRepository } from './report-map.repository.js';
import { ReportPdfRenderer } from './report-pdf.renderer.js';
import { loadReportRendererConfig, REPORT_RENDERER_CONFIG } from './report-renderer.config.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Council reports: the report map and server-side PDFs of the report pages (docs/reports.md). */
@Module({
  controllers: [ReportsController],
  providers: [
    { provide: REPORT_RENDERER_CONFIG, useFactory: () => loadReportRendererConfig() },
    ReportMapRepository,
    ReportPdfRenderer,
    ReportsService,
  ],
})
export class ReportsModule {}
