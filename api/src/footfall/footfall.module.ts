import { Module } from '@nestjs/common';
import { KpisRepository } from '../kpis/kpis.repository.js';
import { KpisService } from '../kpis/kpis.service.js';
import { FootfallController } from './footfall.controller.js';
import { FootfallRepository } from './footfall.repository.js';
import { FootfallService } from './footfall.service.js';

/** Pedestrian counts (laser counters) and their trend next to the town's vacancy rate. */
@Module({
  controllers: [FootfallController],
  providers: [FootfallRepository, FootfallService, KpisRepository, KpisService],
})
export class FootfallModule {}
