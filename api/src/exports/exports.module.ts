import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';

/** CSV, XLSX and GeoJSON downloads, KPI tables from the KPI engine. */
@Module({
  imports: [KpisModule],
  controllers: [ExportsController],
  providers: [ExportsRepository, ExportsService],
})
export class ExportsModule {}
