import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, EditTown, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { AuditRepository, type AuditRecord } from '../audit/audit.repository.js';
import { redactStorefront } from './storefront-redaction.js';
import type { Storefront, StorefrontPage, StorefrontSummary } from './storefront.types.js';
import { AsOfQuery, ListStorefrontsQuery, StorefrontFilterQuery } from './dto/list-storefronts.query.js';
import { CreateStorefrontDto } from './dto/create-storefront.dto.js';
import { UpdateStorefrontDto, VersionDto, VersionQuery } from './dto/update-storefront.dto.js';
import { toStorefrontFilter } from './storefront-query.js';
import { StorefrontsRepository, type StorefrontSort } from './storefronts.repository.js';
import { StorefrontsService, type StorefrontWithWarnings } from './storefronts.service.js';

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
  async list(@CurrentViewer() viewer: Viewer, @Query() q: ListStorefrontsQuery): Promise<StorefrontPage> {
    const filter = { ...toStorefrontFilter(q), cityIds: visibleCityIds(viewer, q.cityId, true) };
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
  async summary(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontFilterQuery,
  ): Promise<StorefrontSummary> {
    const filter = { ...toStorefrontFilter(q), cityIds: visibleCityIds(viewer, q.cityId, true) };
    const byStatus = await this.repository.countByStatus(filter);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    return { asOf: filter.asOf, total, byStatus };
  }

  @Get(':id')
  @ReadTown('storefront', 'id', true)
  async get(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Query() q: AsOfQuery,
  ): Promise<Storefront> {
    return redactStorefront(viewer, await this.storefronts.get(id, q.asOf));
  }

  /** Who changed what and when: the unit, its history and its contact (contact values are never logged). */
  @Get(':id/changes')
  @EditTown('storefront')
  async changes(@Param('id') id: string): Promise<AuditRecord[]> {
    await this.storefronts.get(id);
    return this.auditTrail.forEntity(id, 200);
  }

  @Post()
  @Access({ kind: 'town', action: 'edit', town: { from: 'body' } })
  create(@Body() body: CreateStorefrontDto): Promise<StorefrontWithWarnings> {
    return this.storefronts.create(body);
  }

  @Patch(':id')
  @EditTown('storefront')
  update(@Param('id') id: string, @Body() body: UpdateStorefrontDto): Promise<StorefrontWithWarnings> {
    return this.storefronts.update(id, body);
  }

  @Post(':id/verify')
  @EditTown('storefront')
  @HttpCode(200)
  verify(@Param('id') id: string, @Body() body: VersionDto): Promise<Storefront> {
    return this.storefronts.verify(id, body.version);
  }

  @Delete(':id')
  @EditTown('storefront')
  @HttpCode(204)
  delete(@Param('id') id: string, @Query() q: VersionQuery): Promise<void> {
    return this.storefronts.delete(id, q.version);
  }
}
