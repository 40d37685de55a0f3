import { Module } from '@nestjs/common';
import { KpisRepository } from '../kpis/kpis.repository.js';
import { KpisService } from '../kpis/kpis.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';

/** CSV, XLSX and GeoJSON downloads. Uses the KPI engine read-only (its module does not export it). */
@Module({
  controllers: [ExportsController],
  providers: [ExportsRepository, ExportsService, KpisRepository, KpisService],
})
export class ExportsModule {}
