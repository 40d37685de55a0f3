import { Module } from '@nestjs/common';
import { OccupancyController } from '../occupancy/occupancy.controller.js';
import { OccupancyRepository } from '../occupancy/occupancy.repository.js';
import { OccupancyService } from '../occupancy/occupancy.service.js';
import { StorefrontsController } from './storefronts.controller.js';
import { StorefrontsRepository } from './storefronts.repository.js';
import { StorefrontsService } from './storefronts.service.js';

/** Storefronts and their occupancy history: one aggregate, one module (the history lives in occupancy/). */
@Module({
  controllers: [StorefrontsController, OccupancyController],
  providers: [StorefrontsRepository, StorefrontsService, OccupancyRepository, OccupancyService],
  exports: [StorefrontsRepository, StorefrontsService],
})
export class StorefrontsModule {}
