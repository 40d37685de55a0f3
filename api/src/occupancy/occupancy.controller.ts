import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EditTown, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { VersionQuery } from '../storefronts/dto/update-storefront.dto.js';
import { PeriodCorrectionDto, StatusChangeDto } from './dto/period-correction.dto.js';
import { OccupancyService, type HistoryResult } from './occupancy.service.js';
import type { StoredPeriod } from './occupancy.repository.js';

@ApiTags('occupancy')
@Controller('storefronts/:id')
export class OccupancyController {
  constructor(private readonly occupancy: OccupancyService) {}

  @Get('occupancy')
  @ReadTown('storefront', 'id', true)
  history(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<StoredPeriod[]> {
    return this.occupancy.history(id, viewer);
  }

  @Post('status-changes')
  @EditTown('storefront')
  changeStatus(@Param('id') id: string, @Body() body: StatusChangeDto): Promise<HistoryResult> {
    return this.occupancy.changeStatus(id, body);
  }

  @Patch('occupancy/:periodId')
  @EditTown('storefront')
  correct(
    @Param('id') id: string,
    @Param('periodId') periodId: string,
    @Body() body: PeriodCorrectionDto,
  ): Promise<HistoryResult> {
    return this.occupancy.correct(id, periodId, body);
  }

  @Delete('occupancy/:periodId')
  @EditTown('storefront')
  remove(
    @Param('id') id: string,
    @Param('periodId') periodId: string,
    @Query() q: VersionQuery,
  ): Promise<HistoryResult> {
    return this.occupancy.remove(id, periodId, q.version);
  }
}
