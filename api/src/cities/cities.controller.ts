import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CitiesRepository } from './cities.repository.js';
import { CitiesService } from './cities.service.js';
import type { City, CitySummary } from './city.types.js';
import { UpdatePerimeterDto } from './dto/update-perimeter.dto.js';

@ApiTags('cities')
@Controller('cities')
export class CitiesController {
  constructor(
    private readonly cities: CitiesService,
    private readonly repository: CitiesRepository,
  ) {}

  @Get()
  @ApiQuery({ name: 'network', required: false, description: 'Only members of this network (slug)' })
  list(@Query('network') network?: string): Promise<CitySummary[]> {
    return this.repository.list(typeof network === 'string' ? network : undefined);
  }

  @Get(':idOrSlug')
  get(@Param('idOrSlug') idOrSlug: string): Promise<City> {
    return this.cities.get(idOrSlug);
  }

  @Put(':id/perimeter')
  updatePerimeter(@Param('id') id: string, @Body() body: UpdatePerimeterDto): Promise<City> {
    return this.cities.updatePerimeter(id, body.perimeter, body.version);
  }
}
