import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { EditTown, ReadTown } from '../auth/access.decorator.js';
import { TownResolver } from '../auth/town-resolver.js';
import { DomainError } from '../common/domain-error.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { readUpload } from '../imports/raw-body.js';
import { CountsRangeQuery, UpdateCountingLocationDto } from './dto/counting-location.dto.js';
import { FootfallTrendQuery, FootfallUploadQuery } from './dto/footfall.query.js';
import {
  CountsRemovedResponse,
  FootfallImportReportResponse,
  FootfallLocationResponse,
  FootfallTrendResponse,
} from './dto/footfall.response.js';
import { FootfallService } from './footfall.service.js';
import type {
  CountsRemoved,
  FootfallImportReport,
  FootfallLocation,
  FootfallTrend,
} from './footfall.types.js';

const MAX_COUNTER_FILE_BYTES = 10 * 1024 * 1024;

const NO_TOWN: DocumentedError = [404, 'There is no town with this id or slug (NOT_FOUND).'];
const NO_LOCATION: DocumentedError = [
  404,
  'There is no town with this id or slug, or it has no counting location with this id (NOT_FOUND).',
];

/** Hourly pedestrian counts per counting location, and the town's weekday-adjusted trend. */
@ApiTags('footfall')
@Controller('cities/:id/footfall')
export class FootfallController {
  constructor(
    private readonly footfall: FootfallService,
    private readonly towns: TownResolver,
  ) {}

  @Post()
  @EditTown('city')
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'A counter export (CSV, one row per hour) as the raw request body, at most 10 MB' })
  @ApiCreatedResponse({
    type: FootfallImportReportResponse,
    description:
      'The hourly counts are stored (an hour already stored is replaced); lines repaired or rejected are listed.',
  })
  @ApiErrors(
    [
      400,
      'The request is not valid (VALIDATION_FAILED): a missing or blank location, only one of lon/lat, an empty or unreadable file (`details.reason` unreadable_file with `details.problem`), or a file none of whose lines can be stored (`details.reason` no_valid_rows, each line in `details.rejected`).',
    ],
    401,
    403,
    NO_TOWN,
    [
      409,
      'The counting location is stored at another position, more than 10 m from lon/lat (DUPLICATE, `details.reason` counter_elsewhere with `storedCoordinates` and `distanceM`): nothing is stored.',
    ],
    [413, 'The file is larger than 10 MB (PAYLOAD_TOO_LARGE).'],
    [422, 'lon/lat lie outside the town’s municipal boundary (OUTSIDE_TOWN): nothing is stored.'],
  )
  async upload(
    @Param('id') town: string,
    @Query() q: FootfallUploadQuery,
    @Req() req: Request,
  ): Promise<FootfallImportReport> {
    if ((q.lon === undefined) !== (q.lat === undefined)) {
      throw new DomainError('VALIDATION_FAILED', 'Give both lon and lat of the counter, or neither.');
    }
    const lonLat: [number, number] | null =
      q.lon !== undefined && q.lat !== undefined ? [q.lon, q.lat] : null;
    const bytes = await readUpload(req, MAX_COUNTER_FILE_BYTES);
    return this.footfall.importCounts(await this.towns.townId(town), q.location, lonLat, bytes);
  }

  @Get('trend')
  @ReadTown('city')
  @ApiOkResponse({
    type: FootfallTrendResponse,
    description:
      'Weekly pedestrian counts (with the change against the same week a year before) and the monthly vacancy rate.',
  })
  @ApiErrors(
    [400, 'The request is not valid (VALIDATION_FAILED), e.g. `from` after `to` or more than five years.'],
    401,
    403,
    NO_TOWN,
  )
  async trend(@Param('id') town: string, @Query() q: FootfallTrendQuery): Promise<FootfallTrend> {
    return this.footfall.trend(await this.towns.townId(town), q.from, q.to);
  }

  @Get('locations')
  @ReadTown('city')
  @ApiOkResponse({
    type: [FootfallLocationResponse],
    description: 'The town’s counting locations by name, each with its position and what is stored of it.',
  })
  @ApiErrors(400, 401, 403, NO_TOWN)
  async locations(@Param('id') town: string): Promise<FootfallLocation[]> {
    return this.footfall.locations(await this.towns.townId(town));
  }

  @Patch('locations/:locationId')
  @EditTown('city')
  @ApiOkResponse({
    type: FootfallLocationResponse,
    description:
      'The location as corrected (its name, or its position: lon and lat together, both null to remove it). The counts stay with it.',
  })
  @ApiErrors(
    [400, 'The request is not valid (VALIDATION_FAILED): a blank or too long name, only one of lon/lat.'],
    401,
    403,
    NO_LOCATION,
    [
      409,
      'The town has another counting location of this name (DUPLICATE, `details.reason` location_name_taken).',
    ],
    [422, 'lon/lat lie outside the town’s municipal boundary (OUTSIDE_TOWN).'],
  )
  async correctLocation(
    @Param('id') town: string,
    @Param('locationId') locationId: string,
    @Body() body: UpdateCountingLocationDto,
  ): Promise<FootfallLocation> {
    const lonGiven = body.lon !== undefined;
    if (lonGiven !== (body.lat !== undefined) || (body.lon === null) !== (body.lat === null)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Give both lon and lat of the counter (both null to remove it).',
      );
    }
    const lonLat =
      body.lon === undefined || body.lat === undefined
        ? undefined
        : body.lon === null || body.lat === null
          ? null
          : ([body.lon, body.lat] as [number, number]);
    return this.footfall.correctLocation(await this.towns.townId(town), locationId, {
      name: body.name,
      lonLat,
    });
  }

  @Delete('locations/:locationId')
  @EditTown('city')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The counting location and all its counts are deleted.' })
  @ApiErrors(400, 401, 403, NO_LOCATION)
  async deleteLocation(@Param('id') town: string, @Param('locationId') locationId: string): Promise<void> {
    await this.footfall.deleteLocation(await this.towns.townId(town), locationId);
  }

  @Delete('locations/:locationId/counts')
  @EditTown('city')
  @ApiOkResponse({
    type: CountsRemovedResponse,
    description:
      'The location’s counts of the days from…to (local days in Germany, both included) are removed, e.g. a file uploaded under the wrong location.',
  })
  @ApiErrors(
    [400, 'The request is not valid (VALIDATION_FAILED): a missing or invalid date, `from` after `to`.'],
    401,
    403,
    NO_LOCATION,
  )
  async deleteCounts(
    @Param('id') town: string,
    @Param('locationId') locationId: string,
    @Query() q: CountsRangeQuery,
  ): Promise<CountsRemoved> {
    return this.footfall.deleteCounts(await this.towns.townId(town), locationId, q.from, q.to);
  }
}
