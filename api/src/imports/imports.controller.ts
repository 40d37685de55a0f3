import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EditTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { TownResolver } from '../auth/town-resolver.js';
import { DomainError } from '../common/domain-error.js';
import { ImportMappingDto, UploadQuery } from './dto/import-mapping.dto.js';
import type { DryRunResult, ImportOutcome, ImportSuggestions, ImportView } from './import.types.js';
import { readUpload } from './raw-body.js';
import { ImportsService, MAX_UPLOAD_BYTES } from './imports.service.js';

/** Storefront lists into a town: upload → suggestions → mapping → dry run → commit (docs/import-export.md). */
@ApiTags('imports')
@Controller('cities/:id/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly towns: TownResolver,
  ) {}

  @Post()
  @EditTown('city')
  @ApiConsumes(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/geo+json',
  )
  @ApiBody({ description: 'The file as the raw request body (CSV, XLSX or GeoJSON, at most 25 MB)' })
  async upload(
    @CurrentViewer() viewer: Viewer,
    @Param('id') town: string,
    @Query() q: UploadQuery,
    @Req() req: Request,
  ): Promise<ImportView> {
    const cityId = await this.cityId(town);
    return this.imports.upload(viewer, cityId, await readUpload(req, MAX_UPLOAD_BYTES), q.fileName ?? null);
  }

  @Get(':importId')
  @EditTown('city')
  async get(@Param('id') town: string, @Param('importId') id: string): Promise<ImportView> {
    return this.imports.get(await this.cityId(town), id);
  }

  @Get(':importId/suggestions')
  @EditTown('city')
  async suggestions(@Param('id') town: string, @Param('importId') id: string): Promise<ImportSuggestions> {
    return this.imports.suggestions(await this.cityId(town), id);
  }

  @Put(':importId/mapping')
  @EditTown('city')
  async mapping(
    @Param('id') town: string,
    @Param('importId') id: string,
    @Body() body: ImportMappingDto,
  ): Promise<ImportView> {
    return this.imports.saveMapping(await this.cityId(town), id, body);
  }

  @Post(':importId/dry-run')
  @EditTown('city')
  @HttpCode(200)
  async dryRun(@Param('id') town: string, @Param('importId') id: string): Promise<DryRunResult> {
    return this.imports.dryRun(await this.cityId(town), id);
  }

  @Post(':importId/commit')
  @EditTown('city')
  @HttpCode(200)
  async commit(@Param('id') town: string, @Param('importId') id: string): Promise<ImportOutcome> {
    return this.imports.commit(await this.cityId(town), id);
  }

  /** The guard resolved the town already (id or slug); here we need its id. */
  private async cityId(idOrSlug: string): Promise<string> {
    const id = await this.towns.townOf('city', idOrSlug);
    if (!id) throw new DomainError('NOT_FOUND', `Town ${idOrSlug} was not found.`, { id: idOrSlug });
    return id;
  }
}
