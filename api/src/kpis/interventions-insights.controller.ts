import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import {
  InterventionsByTypeAndTownResponse,
  InterventionsByTypeResponse,
  OccupancyBeforeAfterResponse,
} from './dto/interventions-insights.response.js';
import { InterventionsByTypeQuery } from './dto/kpi-queries.js';
import type { InterventionsByType, InterventionsByTypeAndTown, OccupancyBeforeAfter } from './kpi.types.js';
import { InterventionsInsightsService } from './interventions-insights.service.js';

/** The knowledge base's aggregates; same visibility as the interventions list. */
@ApiTags('kpis')
@Controller('kpis')
export class InterventionsInsightsController {
  constructor(private readonly insights: InterventionsInsightsService) {}

  @Get('interventions-by-type')
  @Access({ kind: 'towns', publicData: false })
  @ApiOkResponse({
    type: InterventionsByTypeResponse,
    description:
      'Per type of intervention: how many were tried and ended, and how many led to a regular lease within 12 months.',
  })
  @ApiErrors(400, 401, 403, [404, 'The network or a town asked for does not exist (NOT_FOUND).'])
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

  @Get('interventions-by-type-and-town')
  @Access({ kind: 'towns', publicData: false })
  @ApiOkResponse({
    type: InterventionsByTypeAndTownResponse,
    description:
      'Per type of intervention and town: how many were tried and their 12-month results, on asOf; the towns those of interventions-by-type.',
  })
  @ApiErrors(400, 401, 403, [404, 'The network or a town asked for does not exist (NOT_FOUND).'])
  byTypeAndTown(
    @CurrentViewer() viewer: Viewer,
    @Query() q: InterventionsByTypeQuery,
  ): Promise<InterventionsByTypeAndTown> {
    return this.insights.byTypeAndTown(
      { network: q.network, cityId: q.cityId },
      q.asOf,
      visibleCityIds(viewer, q.cityId, false),
    );
  }

  @Get('interventions/:id/occupancy-before-after')
  @ReadTown('intervention')
  @ApiOkResponse({
    type: OccupancyBeforeAfterResponse,
    description:
      'Each linked unit’s status the day before the start, on the last day and 12 months after the end.',
  })
  @ApiErrors(401, 403, [404, 'There is no intervention with this id (NOT_FOUND).'])
  occupancyBeforeAfter(@Param('id') id: string): Promise<OccupancyBeforeAfter> {
    return this.insights.occupancyBeforeAfter(id);
  }
}
