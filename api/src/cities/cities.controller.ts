import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EditTown, Public } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { mayAccessTown, townAccess, type Viewer } from '../auth/viewer.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { CitiesRepository } from './cities.repository.js';
import { CitiesService } from './cities.service.js';
import type { City, CitySummary, ForViewer } from './city.types.js';
import { CitiesQuery } from './dto/cities.query.js';
import { CityResponse, CitySummaryResponse } from './dto/city.response.js';
import { UpdateOpenDataDto, UpdatePerimeterDto } from './dto/update-perimeter.dto.js';

const VERSION_CONFLICT_TOWN =
  'Someone else changed the town in the meantime (VERSION_CONFLICT; `details.current` is the town as now stored).';
/** A write to a town: it may be gone (404) or changed since it was read (409). */
const STALE_OR_NO_TOWN = [
  [404, 'There is no town with this id (NOT_FOUND).'],
  [409, VERSION_CONFLICT_TOWN],
] as const;

@ApiTags('cities')
@Controller('cities')
export class CitiesController {
  constructor(
    private readonly cities: CitiesService,
    private readonly repository: CitiesRepository,
  ) {}

  /** Towns are public reference data; how many units a town has is shown only where the viewer may read it. */
  @Get()
  @Public()
  @ApiOkResponse({
    type: [CitySummaryResponse],
    description: 'The towns, by name (an unknown network gives an empty list).',
  })
  @ApiErrors(400)
  async list(@CurrentViewer() viewer: Viewer, @Query() q: CitiesQuery): Promise<ForViewer<CitySummary>[]> {
    const cities = await this.repository.list(q.network);
    return cities.map((c) => forViewer(viewer, c));
  }

  @Get(':idOrSlug')
  @Public()
  @ApiOkResponse({
    type: CityResponse,
    description: 'One town, with its municipal boundary and downtown perimeter.',
  })
  @ApiErrors([404, 'There is no town with this id or slug (NOT_FOUND).'])
  async get(@CurrentViewer() viewer: Viewer, @Param('idOrSlug') idOrSlug: string): Promise<ForViewer<City>> {
    return forViewer(viewer, await this.cities.get(idOrSlug));
  }

  @Put(':id/open-data')
  @EditTown('city')
  @ApiOkResponse({ type: CityResponse, description: 'The town after the change of its open-data switch.' })
  @ApiErrors(400, 401, 403, ...STALE_OR_NO_TOWN, 413)
  async setOpenData(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: UpdateOpenDataDto,
  ): Promise<ForViewer<City>> {
    return forViewer(viewer, await this.cities.setOpenData(id, body.openData, body.version));
  }

  @Put(':id/perimeter')
  @EditTown('city')
  @ApiOkResponse({ type: CityResponse, description: 'The town with its new downtown perimeter.' })
  @ApiErrors(400, 401, 403, ...STALE_OR_NO_TOWN, 413, [
    422,
    'The perimeter is not a valid area (INVALID_GEOMETRY, the reason from PostGIS in the message), covers more than 50 km² (INVALID_GEOMETRY, reason perimeter_too_large), or lies entirely outside the municipal boundary or more than 1 km beyond it (OUTSIDE_TOWN, reason perimeter_outside / perimeter_beyond).',
  ])
  async updatePerimeter(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: UpdatePerimeterDto,
  ): Promise<ForViewer<City>> {
    return forViewer(viewer, await this.cities.updatePerimeter(id, body.perimeter, body.version));
  }
}

/**
 * The town as this viewer sees it: what they may do with it, and its unit count and whether they are
 * demo data where they may read its storefronts (else nothing about its register).
 */
function forViewer<T extends CitySummary>(viewer: Viewer, city: T): ForViewer<T> {
  const access = townAccess(viewer, city.id);
  return mayAccessTown(viewer, city.id, 'readPublic')
    ? { ...city, access }
    : { ...city, storefrontCount: null, isSynthetic: false, access };
}
