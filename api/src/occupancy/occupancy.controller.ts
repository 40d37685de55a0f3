import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EditTown, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { VersionQuery } from '../storefronts/dto/update-storefront.dto.js';
import { OccupancyPeriodResponse, StorefrontHistoryResponse } from './dto/occupancy-period.response.js';
import { PeriodCorrectionDto, StatusChangeDto } from './dto/period-correction.dto.js';
import { OccupancyService, type HistoryResult } from './occupancy.service.js';
import type { StoredPeriod } from './occupancy.repository.js';

const NO_UNIT: DocumentedError = [404, 'There is no storefront with this id (NOT_FOUND).'];
const NO_PERIOD: DocumentedError = [
  404,
  'There is no storefront with this id, or the period does not belong to it (NOT_FOUND).',
];
const HISTORY_CONFLICT: DocumentedError = [
  409,
  'Someone else changed the unit in the meantime (VERSION_CONFLICT; `details.current` is the unit as now stored), or periods would overlap (OVERLAPPING_PERIODS).',
];
const HISTORY_RULES: DocumentedError = [
  422,
  'The history would break its rules (INVALID_PERIOD: dates out of order, a change before or on the day the current status began, a use category for a unit not in use …; HISTORY_GAP).',
];

@ApiTags('occupancy')
@Controller('storefronts/:id')
export class OccupancyController {
  constructor(private readonly occupancy: OccupancyService) {}

  @Get('occupancy')
  @ReadTown('storefront', 'id', true)
  @ApiOkResponse({
    type: [OccupancyPeriodResponse],
    description:
      'The unit’s status history, oldest first, without gaps; the last period is open while it lasts.',
  })
  @ApiErrors(401, 403, NO_UNIT)
  history(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<StoredPeriod[]> {
    return this.occupancy.history(id, viewer);
  }

  @Post('status-changes')
  @EditTown('storefront')
  @ApiCreatedResponse({
    type: StorefrontHistoryResponse,
    description: 'The status changed from `date` on: the unit and its new history.',
  })
  @ApiErrors(400, 401, 403, NO_UNIT, HISTORY_CONFLICT, 413, HISTORY_RULES)
  changeStatus(@Param('id') id: string, @Body() body: StatusChangeDto): Promise<HistoryResult> {
    return this.occupancy.changeStatus(id, body);
  }

  @Patch('occupancy/:periodId')
  @EditTown('storefront')
  @ApiOkResponse({
    type: StorefrontHistoryResponse,
    description:
      'The period corrected (its neighbours moved with it; a neighbour left with the same status, use and business joined with it): the unit and its new history.',
  })
  @ApiErrors(400, 401, 403, NO_PERIOD, HISTORY_CONFLICT, 413, HISTORY_RULES)
  correct(
    @Param('id') id: string,
    @Param('periodId') periodId: string,
    @Body() body: PeriodCorrectionDto,
  ): Promise<HistoryResult> {
    return this.occupancy.correct(id, periodId, body);
  }

  @Delete('occupancy/:periodId')
  @EditTown('storefront')
  @ApiOkResponse({
    type: StorefrontHistoryResponse,
    description:
      'The period removed (a neighbour fills its time; neighbours left alike are joined): the unit and its new history.',
  })
  @ApiErrors(400, 401, 403, NO_PERIOD, HISTORY_CONFLICT, HISTORY_RULES)
  remove(
    @Param('id') id: string,
    @Param('periodId') periodId: string,
    @Query() q: VersionQuery,
  ): Promise<HistoryResult> {
    return this.occupancy.remove(id, periodId, q.version);
  }
}
