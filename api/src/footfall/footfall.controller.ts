import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EditTown, ReadTown } from '../auth/access.decorator.js';
import { TownResolver } from '../auth/town-resolver.js';
import { DomainError } from '../common/domain-error.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { readUpload } from '../imports/raw-body.js';
import { FootfallTrendQuery, FootfallUploadQuery } from './dto/footfall.query.js';
import { FootfallImportReportResponse, FootfallTrendResponse } from './dto/footfall.response.js';
import { FootfallService } from './footfall.service.js';
import type { FootfallImportReport, FootfallTrend } from './footfall.types.js';

const MAX_COUNTER_FILE_BYTES = 10 * 1024 * 1024;

const NO_TOWN: DocumentedError = [404, 'There is no town with this id or slug (NOT_FOUND).'];

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
    return this.footfall.importCounts(await this.cityId(town), q.location, lonLat, bytes);
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
    return this.footfall.trend(await this.cityId(town), q.from, q.to);
  }

  private async cityId(idOrSlug: string): Promise<string> {
    const id = await this.towns.townOf('city', idOrSlug);
    if (!id) throw new DomainError('NOT_FOUND', `Town ${idOrSlug} was not found.`, { id: idOrSlug });
    return id;
  }
}
