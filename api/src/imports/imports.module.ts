import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';

/** Storefront lists in (CSV, XLSX, GeoJSON): mapping, dry run, all-or-nothing commit. */
@Module({
  controllers: [ImportsController],
  providers: [ImportsRepository, ImportsService],
  exports: [ImportsRepository],
})
export class ImportsModule {}
