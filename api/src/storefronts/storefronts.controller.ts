import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OccupancyStatus, Storefront } from './storefront.types.js';
import { AsOfQuery, ListStorefrontsQuery, StorefrontFilterQuery } from './dto/list-storefronts.query.js';
import { CreateStorefrontDto } from './dto/create-storefront.dto.js';
import { UpdateStorefrontDto, VersionDto, VersionQuery } from './dto/update-storefront.dto.js';
import { toStorefrontFilter } from './storefront-query.js';
import { StorefrontsRepository, type StorefrontSort } from './storefronts.repository.js';
import { StorefrontsService, type StorefrontWithWarnings } from './storefronts.service.js';

export interface StorefrontPage {
  items: Storefront[];
  total: number;
  page: number;
  pageSize: number;
  asOf: string;
}

export interface StorefrontSummary {
  asOf: string;
  total: number;
  byStatus: Partial<Record<OccupancyStatus, number>>;
}

@ApiTags('storefronts')
@Controller('storefronts')
export class StorefrontsController {
  constructor(
    private readonly storefronts: StorefrontsService,
    private readonly repository: StorefrontsRepository,
  ) {}

  @Get()
  async list(@Query() q: ListStorefrontsQuery): Promise<StorefrontPage> {
    const filter = toStorefrontFilter(q);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const sort = q.sort ?? 'street';
    const { items, total } = await this.repository.list(
      filter,
      { key: sort.replace(/^-/, '') as StorefrontSort, descending: sort.startsWith('-') },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    return { items, total, page, pageSize, asOf: filter.asOf };
  }

  @Get('summary')
  async summary(@Query() q: StorefrontFilterQuery): Promise<StorefrontSummary> {
    const filter = toStorefrontFilter(q);
    const byStatus = await this.repository.countByStatus(filter);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    return { asOf: filter.asOf, total, byStatus };
  }

  @Get(':id')
  get(@Param('id') id: string, @Query() q: AsOfQuery): Promise<Storefront> {
    return this.storefronts.get(id, q.asOf);
  }

  @Post()
  create(@Body() body: CreateStorefrontDto): Promise<StorefrontWithWarnings> {
    return this.storefronts.create(body);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateStorefrontDto): Promise<StorefrontWithWarnings> {
    return this.storefronts.update(id, body);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(@Param('id') id: string, @Body() body: VersionDto): Promise<Storefront> {
    return this.storefronts.verify(id, body.version);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id') id: string, @Query() q: VersionQuery): Promise<void> {
    return this.storefronts.delete(id, q.version);
  }
}
