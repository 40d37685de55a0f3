import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module.js';
import { FootfallController } from './footfall.controller.js';
import { FootfallRepository } from './footfall.repository.js';
import { FootfallService } from './footfall.service.js';

/** Pedestrian counts (laser counters) and their trend next to the town's vacancy rate. */
@Module({
  imports: [KpisModule],
  controllers: [FootfallController],
  providers: [FootfallRepository, FootfallService],
})
export class FootfallModule {}
