import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, EditTown, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { VersionQuery } from '../storefronts/dto/update-storefront.dto.js';
import { CreateInterventionDto, OutcomeCheckDto, UpdateInterventionDto } from './dto/intervention.dto.js';
import { ListInterventionsQuery } from './dto/list-interventions.query.js';
import type { Intervention } from './intervention.types.js';
import { InterventionsRepository } from './interventions.repository.js';
import { InterventionsService } from './interventions.service.js';

@ApiTags('interventions')
@Controller('interventions')
export class InterventionsController {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly repository: InterventionsRepository,
  ) {}

  @Get()
  @Access({ kind: 'towns', publicData: false })
  list(
    @CurrentViewer() viewer: Viewer,
    @Query() q: ListInterventionsQuery,
  ): Promise<{ items: Intervention[]; total: number }> {
    return this.repository.list({ ...q, cityId: visibleCityIds(viewer, q.cityId, false)?.slice() });
  }

  @Get(':id')
  @ReadTown('intervention')
  get(@Param('id') id: string): Promise<Intervention> {
    return this.interventions.get(id);
  }

  @Post()
  @Access({ kind: 'town', action: 'edit', town: { from: 'body' } })
  create(@Body() body: CreateInterventionDto): Promise<Intervention> {
    return this.interventions.create(body);
  }

  @Patch(':id')
  @EditTown('intervention')
  update(@Param('id') id: string, @Body() body: UpdateInterventionDto): Promise<Intervention> {
    return this.interventions.update(id, body);
  }

  @Delete(':id')
  @EditTown('intervention')
  @HttpCode(204)
  delete(@Param('id') id: string, @Query() q: VersionQuery): Promise<void> {
    return this.interventions.delete(id, q.version);
  }

  @Put(':id/outcome-checks/:months')
  @EditTown('intervention')
  setOutcomeCheck(
    @Param('id') id: string,
    @Param('months', ParseIntPipe) months: number,
    @Body() body: OutcomeCheckDto,
  ): Promise<Intervention> {
    return this.interventions.setOutcomeCheck(id, months, body);
  }
}
