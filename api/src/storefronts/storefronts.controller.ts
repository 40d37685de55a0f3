import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EditTown, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { AuditRepository, type AuditRecord } from '../audit/audit.repository.js';
import { AuditRecordResponse } from '../audit/dto/audit-record.response.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { redactStorefront } from './storefront-redaction.js';
import type { Storefront, StorefrontPage, StorefrontSummary, StorefrontVisits } from './storefront.types.js';
import { AsOfQuery, ListStorefrontsQuery, StorefrontFilterQuery } from './dto/list-storefronts.query.js';
import { CreateStorefrontDto } from './dto/create-storefront.dto.js';
import { StorefrontPageResponse, StorefrontSummaryResponse } from './dto/storefront-list.response.js';
import {
  StorefrontResponse,
  StorefrontVisitsResponse,
  StorefrontWithWarningsResponse,
} from './dto/storefront.response.js';
import { UpdateStorefrontDto, VersionDto, VersionQuery } from './dto/update-storefront.dto.js';
import { storefrontFilterFor } from './storefront-query.js';
import { StorefrontsRepository, type StorefrontSort } from './storefronts.repository.js';
import { StorefrontsService, type StorefrontWithWarnings } from './storefronts.service.js';

const NO_UNIT = [404, 'There is no storefront with this id (NOT_FOUND).'] as const;
const STALE_UNIT = [
  409,
  'Someone else changed the unit in the meantime (VERSION_CONFLICT; `details.current` is the unit as now stored).',
] as const;

@ApiTags('storefronts')
@Controller('storefronts')
export class StorefrontsController {
  constructor(
    private readonly storefronts: StorefrontsService,
    private readonly repository: StorefrontsRepository,
    private readonly auditTrail: AuditRepository,
  ) {}

  @Get()
  @Access({ kind: 'towns', publicData: true })
  @ApiOkResponse({
    type: StorefrontPageResponse,
    description:
      'One page of the units matching the filters, in the towns the caller may read (anonymous: open-data towns).',
  })
  @ApiErrors(400, 401, 403)
  async list(@CurrentViewer() viewer: Viewer, @Query() q: ListStorefrontsQuery): Promise<StorefrontPage> {
    const filter = storefrontFilterFor(viewer, q);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const sort = q.sort ?? 'street';
    const { items, total } = await this.repository.list(
      filter,
      { key: sort.replace(/^-/, '') as StorefrontSort, descending: sort.startsWith('-') },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    return { items: items.map((s) => redactStorefront(viewer, s)), total, page, pageSize, asOf: filter.asOf };
  }

  @Get('summary')
  @Access({ kind: 'towns', publicData: true })
  @ApiOkResponse({
    type: StorefrontSummaryResponse,
    description: 'How many units match the filters, by status (the same filters as the list).',
  })
  @ApiErrors(400, 401, 403)
  async summary(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontFilterQuery,
  ): Promise<StorefrontSummary> {
    const filter = storefrontFilterFor(viewer, q);
    const byStatus = await this.repository.countByStatus(filter);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    return { asOf: filter.asOf, total, byStatus };
  }

  @Get(':id')
  @ReadTown('storefront', 'id', true)
  @ApiOkResponse({
    type: StorefrontResponse,
    description: 'One unit with its status on `asOf` (default: today).',
  })
  @ApiErrors(400, 401, 403, NO_UNIT)
  async get(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Query() q: AsOfQuery,
  ): Promise<Storefront> {
    return redactStorefront(viewer, await this.storefronts.get(id, q.asOf));
  }

  /** When the unit was verified on site (the data freshness KPI counts every visit for 12 months). */
  @Get(':id/verifications')
  @ReadTown('storefront', 'id', true)
  @ApiOkResponse({
    type: StorefrontVisitsResponse,
    description: 'Every on-site visit of the unit, newest first.',
  })
  @ApiErrors(401, 403, NO_UNIT)
  visits(@Param('id') id: string): Promise<StorefrontVisits> {
    return this.storefronts.visits(id);
  }

  /** Who changed what and when: the unit, its history and its contact (contact values are never logged). */
  @Get(':id/changes')
  @EditTown('storefront')
  @ApiOkResponse({
    type: [AuditRecordResponse],
    description: 'The latest 200 changes of the unit, its history and its contact, newest first.',
  })
  @ApiErrors(401, 403, NO_UNIT)
  async changes(@Param('id') id: string): Promise<AuditRecord[]> {
    await this.storefronts.get(id);
    return this.auditTrail.forEntity(id, 200);
  }

  @Post()
  @Access({ kind: 'town', action: 'edit', town: { from: 'body' } })
  @ApiCreatedResponse({
    type: StorefrontWithWarningsResponse,
    description: 'The new unit with its first status period.',
  })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'There is no town with this `cityId` (NOT_FOUND).'],
    [409, 'The town already has a unit with this reference id (DUPLICATE).'],
    413,
    [
      422,
      'The location lies outside the town’s municipal boundary (OUTSIDE_TOWN), or the first status does not allow a use category (INVALID_PERIOD).',
    ],
  )
  create(@Body() body: CreateStorefrontDto): Promise<StorefrontWithWarnings> {
    return this.storefronts.create(body);
  }

  @Patch(':id')
  @EditTown('storefront')
  @ApiOkResponse({
    type: StorefrontWithWarningsResponse,
    description: 'The changed unit, with its new version.',
  })
  @ApiErrors(
    400,
    401,
    403,
    NO_UNIT,
    [409, `${STALE_UNIT[1]} Or the new reference id is taken in the town (DUPLICATE).`],
    413,
    [422, 'The new location lies outside the town’s municipal boundary (OUTSIDE_TOWN).'],
  )
  update(@Param('id') id: string, @Body() body: UpdateStorefrontDto): Promise<StorefrontWithWarnings> {
    return this.storefronts.update(id, body);
  }

  @Post(':id/verify')
  @EditTown('storefront')
  @HttpCode(200)
  @ApiOkResponse({ type: StorefrontResponse, description: 'The unit, marked as checked on site now.' })
  @ApiErrors(400, 401, 403, NO_UNIT, STALE_UNIT, 413)
  verify(@Param('id') id: string, @Body() body: VersionDto): Promise<Storefront> {
    return this.storefronts.verify(id, body.version);
  }

  @Delete(':id')
  @EditTown('storefront')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The unit, its history and its contact are deleted.' })
  @ApiErrors(400, 401, 403, NO_UNIT, STALE_UNIT)
  delete(@Param('id') id: string, @Query() q: VersionQuery): Promise<void> {
    return this.storefronts.delete(id, q.version);
  }
}
