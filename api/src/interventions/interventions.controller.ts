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
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EditTown, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { VersionQuery } from '../storefronts/dto/update-storefront.dto.js';
import { CreateInterventionDto, OutcomeCheckDto, UpdateInterventionDto } from './dto/intervention.dto.js';
import { InterventionPageResponse, InterventionResponse } from './dto/intervention.response.js';
import { ListInterventionsQuery } from './dto/list-interventions.query.js';
import type { Intervention } from './intervention.types.js';
import { InterventionsRepository } from './interventions.repository.js';
import { InterventionsService } from './interventions.service.js';

const NO_INTERVENTION: DocumentedError = [404, 'There is no intervention with this id (NOT_FOUND).'];
const STALE_INTERVENTION: DocumentedError = [
  409,
  'Someone else changed the intervention in the meantime (VERSION_CONFLICT; `details.current` is the intervention as now stored).',
];
const INTERVENTION_RULES: DocumentedError = [
  422,
  'Dates that do not fit the state, e.g. an ended intervention without an end date (INVALID_PERIOD), or units that do not exist or belong to another town (CONSTRAINT_VIOLATED).',
];

@ApiTags('interventions')
@Controller('interventions')
export class InterventionsController {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly repository: InterventionsRepository,
  ) {}

  @Get()
  @Access({ kind: 'towns', publicData: false })
  @ApiOkResponse({
    type: InterventionPageResponse,
    description:
      'One page of the interventions matching the filters, in the towns the caller may read; newest start first.',
  })
  @ApiErrors(400, 401, 403)
  list(
    @CurrentViewer() viewer: Viewer,
    @Query() q: ListInterventionsQuery,
  ): Promise<{ items: Intervention[]; total: number }> {
    return this.repository.list({ ...q, cityId: visibleCityIds(viewer, q.cityId, false)?.slice() });
  }

  @Get(':id')
  @ReadTown('intervention')
  @ApiOkResponse({
    type: InterventionResponse,
    description: 'One intervention with its units and outcome checks.',
  })
  @ApiErrors(401, 403, NO_INTERVENTION)
  get(@Param('id') id: string): Promise<Intervention> {
    return this.interventions.get(id);
  }

  @Post()
  @Access({ kind: 'town', action: 'edit', town: { from: 'body' } })
  @ApiCreatedResponse({ type: InterventionResponse, description: 'The new intervention.' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'There is no town with this `cityId` (NOT_FOUND).'],
    413,
    INTERVENTION_RULES,
  )
  create(@Body() body: CreateInterventionDto): Promise<Intervention> {
    return this.interventions.create(body);
  }

  @Patch(':id')
  @EditTown('intervention')
  @ApiOkResponse({
    type: InterventionResponse,
    description: 'The changed intervention, with its new version.',
  })
  @ApiErrors(400, 401, 403, NO_INTERVENTION, STALE_INTERVENTION, 413, INTERVENTION_RULES)
  update(@Param('id') id: string, @Body() body: UpdateInterventionDto): Promise<Intervention> {
    return this.interventions.update(id, body);
  }

  @Delete(':id')
  @EditTown('intervention')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The intervention is deleted (its units stay).' })
  @ApiErrors(400, 401, 403, NO_INTERVENTION, STALE_INTERVENTION)
  delete(@Param('id') id: string, @Query() q: VersionQuery): Promise<void> {
    return this.interventions.delete(id, q.version);
  }

  @Put(':id/outcome-checks/:months')
  @EditTown('intervention')
  @ApiOkResponse({
    type: InterventionResponse,
    description: 'The intervention with the outcome check recorded (created or replaced).',
  })
  @ApiErrors(
    [400, 'The request is not valid (VALIDATION_FAILED), e.g. `months` is not 6, 12 or 24.'],
    401,
    403,
    NO_INTERVENTION,
    STALE_INTERVENTION,
    413,
    [422, 'The intervention has not ended yet (INVALID_PERIOD).'],
  )
  setOutcomeCheck(
    @Param('id') id: string,
    @Param('months', ParseIntPipe) months: number,
    @Body() body: OutcomeCheckDto,
  ): Promise<Intervention> {
    return this.interventions.setOutcomeCheck(id, months, body);
  }
}
