import { Module } from '@nestjs/common';
import { InterventionsInsightsController } from './interventions-insights.controller.js';
import { InterventionsInsightsRepository } from './interventions-insights.repository.js';
import { InterventionsInsightsService } from './interventions-insights.service.js';
import { KpisController } from './kpis.controller.js';
import { KpisRepository } from './kpis.repository.js';
import { KpisService } from './kpis.service.js';
import { TransitionsRepository } from './transitions.repository.js';

/**
 * The KPI engine and the interventions knowledge base's aggregates (docs/kpis.md). Exports the engine
 * for the modules that show KPIs next to their own data (exports, footfall, reports).
 */
@Module({
  controllers: [KpisController, InterventionsInsightsController],
  providers: [
    KpisRepository,
    KpisService,
    TransitionsRepository,
    InterventionsInsightsRepository,
    InterventionsInsightsService,
  ],
  exports: [KpisRepository, KpisService],
})
export class KpisModule {}
