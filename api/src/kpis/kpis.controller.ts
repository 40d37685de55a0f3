import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { KpiSeriesQuery, KpisQuery, NetworkSummaryQuery } from './dto/kpi-queries.js';
import type { KpiSeries, NetworkSummary, TownKpis } from './kpi.types.js';
import { KpisService } from './kpis.service.js';

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
  snapshot(@Query() q: KpisQuery): Promise<TownKpis[]> {
    return this.kpis.snapshot(q.cityId, q.asOf);
  }

  @Get('series')
  @Access({ kind: 'towns', publicData: true })
  series(@Query() q: KpiSeriesQuery): Promise<KpiSeries> {
    return this.kpis.series(q.cityId, q.from, q.to, q.interval);
  }

  @Get('network-summary')
  @Access({ kind: 'towns', publicData: true })
  networkSummary(@CurrentViewer() viewer: Viewer, @Query() q: NetworkSummaryQuery): Promise<NetworkSummary> {
    return this.kpis.networkSummary(q.network, q.asOf, visibleCityIds(viewer, undefined, true));
  }
}
