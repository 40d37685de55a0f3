import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EditTown } from '../auth/access.decorator.js';
import { TownResolver } from '../auth/town-resolver.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { todayIso } from '../common/validators.js';
import { WalkUnitsQuery } from './dto/walk.query.js';
import { WalkOverviewResponse, WalkUnitsResponse } from './dto/walk.response.js';
import { WalkRepository } from './walk.repository.js';
import type { WalkOverview, WalkUnits } from './walk.types.js';

const NO_TOWN: DocumentedError = [404, 'There is no town with this id or slug (NOT_FOUND).'];

/**
 * The site walk (Begehung): a city manager goes street by street and confirms or corrects each unit's
 * record. The streets with the units due for a check (no visit in 12 months: the data freshness KPI),
 * and one street's units; a unit is confirmed by POST /api/storefronts/{id}/verify, corrected as ever.
 */
@ApiTags('walk')
@Controller('cities/:id/walk')
export class WalkController {
  constructor(
    private readonly walk: WalkRepository,
    private readonly towns: TownResolver,
  ) {}

  @Get()
  @EditTown('city')
  @ApiOkResponse({
    type: WalkOverviewResponse,
    description: 'The town’s streets, each with its units due for a check.',
  })
  @ApiErrors(401, 403, NO_TOWN)
  async overview(@Param('id') town: string): Promise<WalkOverview> {
    const cityId = await this.towns.townId(town);
    const asOf = todayIso();
    const streets = await this.walk.streets(cityId, asOf);
    return {
      cityId,
      asOf,
      units: streets.reduce((n, s) => n + s.units, 0),
      due: streets.reduce((n, s) => n + s.due, 0),
      streets,
    };
  }

  @Get('units')
  @EditTown('city')
  @ApiOkResponse({
    type: WalkUnitsResponse,
    description:
      'The units of one street today (not demolished), by house number; at most 500, `more` when the street has more.',
  })
  @ApiErrors([400, 'The request is not valid (VALIDATION_FAILED): no street.'], 401, 403, NO_TOWN)
  async units(@Param('id') town: string, @Query() q: WalkUnitsQuery): Promise<WalkUnits> {
    const cityId = await this.towns.townId(town);
    const asOf = todayIso();
    return { street: q.street, asOf, ...(await this.walk.units(cityId, asOf, q.street, q.due ?? false)) };
  }
}
