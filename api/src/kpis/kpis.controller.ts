import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { KpiSeriesQuery, KpisQuery, NetworkSummaryQuery, TransitionsQuery } from './dto/kpi-queries.js';
import { KpiSeriesResponse } from './dto/kpi-series.response.js';
import { NetworkSummaryResponse } from './dto/network-summary.response.js';
import { TownKpisResponse } from './dto/town-kpis.response.js';
import { TownTransitionsResponse } from './dto/transitions.response.js';
import type { KpiSeries, NetworkSummary, TownKpis, TownTransitions } from './kpi.types.js';
import { KpisService } from './kpis.service.js';

const UNKNOWN_TOWNS: DocumentedError = [
  404,
  'A town asked for does not exist (NOT_FOUND; `details.ids` lists them).',
];

/**
 * KPIs per docs/kpis.md. Readable for towns the viewer may read and for open-data towns (the guard
 * checks every `cityId`); a network summary covers the members the viewer may see that way.
 */
@ApiTags('kpis')
@Controller('kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  @Access({ kind: 'towns', publicData: true })
  @ApiOkResponse({
    type: [TownKpisResponse],
    description: 'Each town’s KPIs on `asOf`, in the order the towns were asked for.',
  })
  @ApiErrors(400, 401, 403, UNKNOWN_TOWNS)
  snapshot(@Query() q: KpisQuery): Promise<TownKpis[]> {
    return this.kpis.snapshot(q.cityId, q.asOf);
  }

  @Get('series')
  @Access({ kind: 'towns', publicData: true })
  @ApiOkResponse({ type: KpiSeriesResponse, description: 'Each town’s KPIs per month, quarter or year.' })
  @ApiErrors(
    [400, 'The request is not valid (VALIDATION_FAILED), e.g. more than 400 buckets or `from` after `to`.'],
    401,
    403,
    UNKNOWN_TOWNS,
  )
  series(@Query() q: KpiSeriesQuery): Promise<KpiSeries> {
    return this.kpis.series(q.cityId, q.from, q.to, q.interval);
  }

  @Get('transitions')
  @Access({ kind: 'towns', publicData: true })
  @ApiOkResponse({
    type: TownTransitionsResponse,
    description:
      'Which units opened and closed between `from` and `to` (both inclusive; default the 12 months up to today): the flow KPIs `openings` and `closures` unit by unit, with the state before and after. Units in the downtown perimeter, as the KPIs.',
  })
  @ApiErrors([400, 'The request is not valid (VALIDATION_FAILED), e.g. `from` after `to`.'], 401, 403, [
    404,
    'There is no such town (NOT_FOUND).',
  ])
  transitions(@CurrentViewer() viewer: Viewer, @Query() q: TransitionsQuery): Promise<TownTransitions> {
    return this.kpis.transitions(viewer, q.cityId, q.from, q.to);
  }

  @Get('network-summary')
  @Access({ kind: 'towns', publicData: true })
  @ApiOkResponse({
    type: NetworkSummaryResponse,
    description:
      'The network’s member towns compared on `asOf`: median, quartiles and extremes per KPI, over the members the caller may see (anonymous: open-data towns); with `town`, that member’s place per KPI (1 = lowest value).',
  })
  @ApiErrors(
    [
      400,
      'The request is not valid (VALIDATION_FAILED), e.g. `town` is not a member compared for the caller.',
    ],
    [404, 'There is no network with this slug or id (NOT_FOUND).'],
  )
  networkSummary(@CurrentViewer() viewer: Viewer, @Query() q: NetworkSummaryQuery): Promise<NetworkSummary> {
    return this.kpis.networkSummary(q.network, q.asOf, visibleCityIds(viewer, undefined, true), q.town);
  }
}
