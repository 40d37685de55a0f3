import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { InterventionsByTypeQuery } from './dto/kpi-queries.js';
import type { InterventionsByType, OccupancyBeforeAfter } from './kpi.types.js';
import { InterventionsInsightsService } from './interventions-insights.service.js';

/** The knowledge base's aggregates; same visibility as the interventions list. */
@ApiTags('kpis')
@Controller('kpis')
export class InterventionsInsightsController {
  constructor(private readonly insights: InterventionsInsightsService) {}

  @Get('interventions-by-type')
  @Access({ kind: 'towns', publicData: false })
  byType(
    @CurrentViewer() viewer: Viewer,
    @Query() q: InterventionsByTypeQuery,
  ): Promise<InterventionsByType> {
    return this.insights.byType(
      { network: q.network, cityId: q.cityId },
      q.asOf,
      visibleCityIds(viewer, q.cityId, false),
    );
  }

  @Get('interventions/:id/occupancy-before-after')
  @ReadTown('intervention')
  occupancyBeforeAfter(@Param('id') id: string): Promise<OccupancyBeforeAfter> {
    return this.insights.occupancyBeforeAfter(id);
  }
}
