import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module.js';
import { NetworkMapRepository } from './network-map.repository.js';
import { NetworkMapService } from './network-map.service.js';
import { ReportMapRepository } from './report-map.repository.js';
import { ReportPdfRenderer } from './report-pdf.renderer.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/**
 * Council reports: the town and network maps and server-side PDFs of the report pages
 * (docs/reports.md). The network map's rates come from the KPI engine.
 */
@Module({
  imports: [KpisModule],
  controllers: [ReportsController],
  providers: [
    ReportMapRepository,
    ReportPdfRenderer,
    ReportsService,
    NetworkMapRepository,
    NetworkMapService,
  ],
  exports: [ReportPdfRenderer],
})
export class ReportsModule {}
