import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { EditTown, Public } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { mayAccessTown, type Viewer } from '../auth/viewer.js';
import { CitiesRepository } from './cities.repository.js';
import { CitiesService } from './cities.service.js';
import type { City, CitySummary } from './city.types.js';
import { UpdateOpenDataDto, UpdatePerimeterDto } from './dto/update-perimeter.dto.js';

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
  @ApiQuery({ name: 'network', required: false, description: 'Only members of this network (slug)' })
  async list(@CurrentViewer() viewer: Viewer, @Query('network') network?: string): Promise<CitySummary[]> {
    const cities = await this.repository.list(typeof network === 'string' ? network : undefined);
    return cities.map((c) => withVisibleCount(viewer, c));
  }

  @Get(':idOrSlug')
  @Public()
  async get(@CurrentViewer() viewer: Viewer, @Param('idOrSlug') idOrSlug: string): Promise<City> {
    return withVisibleCount(viewer, await this.cities.get(idOrSlug));
  }

  @Put(':id/open-data')
  @EditTown('city')
  setOpenData(@Param('id') id: string, @Body() body: UpdateOpenDataDto): Promise<City> {
    return this.cities.setOpenData(id, body.openData, body.version);
  }

  @Put(':id/perimeter')
  @EditTown('city')
  updatePerimeter(@Param('id') id: string, @Body() body: UpdatePerimeterDto): Promise<City> {
    return this.cities.updatePerimeter(id, body.perimeter, body.version);
  }
}

function withVisibleCount<T extends CitySummary>(viewer: Viewer, city: T): T {
  return mayAccessTown(viewer, city.id, 'readPublic') ? city : { ...city, storefrontCount: null };
}
