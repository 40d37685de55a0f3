import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EditTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { TownResolver } from '../auth/town-resolver.js';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import { ImportMappingDto, UploadQuery } from './dto/import-mapping.dto.js';
import { DryRunResultResponse, ImportOutcomeResponse } from './dto/import-outcome.response.js';
import { ImportSuggestionsResponse, ImportViewResponse } from './dto/import-view.response.js';
import type { DryRunResult, ImportOutcome, ImportSuggestions, ImportView } from './import.types.js';
import { readUpload } from './raw-body.js';
import { ImportsService, MAX_UPLOAD_BYTES } from './imports.service.js';

const NO_IMPORT: DocumentedError = [
  404,
  'There is no such town, or no such import in it (NOT_FOUND; uploads are kept for 7 days).',
];
const ALREADY_IMPORTED: DocumentedError = [
  409,
  'The file is being imported or has been imported already (VERSION_CONFLICT): upload it again to import it once more.',
];
const NO_MAPPING: DocumentedError = [
  400,
  'No column mapping has been chosen yet (VALIDATION_FAILED): PUT …/mapping first.',
];

/** Storefront lists into a town: upload → suggestions → mapping → dry run → commit (docs/import-export.md). */
@ApiTags('imports')
@Controller('cities/:id/imports')
@ApiErrors(401, 403)
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
  @ApiCreatedResponse({
    type: ImportViewResponse,
    description:
      'The file is read and kept for 7 days: how it was read, its headers and first rows. Nothing is imported yet.',
  })
  @ApiErrors(
    [400, 'The request is not valid (VALIDATION_FAILED): an empty or unreadable file (`details.reason`).'],
    [404, 'There is no town with this id or slug (NOT_FOUND).'],
    [413, 'The file is larger than 25 MB (PAYLOAD_TOO_LARGE).'],
    [
      429,
      'Every slot for reading Excel workbooks is taken (TOO_MANY_REQUESTS, `details.reason` `workbooks_busy`): upload again in a minute.',
    ],
  )
  async upload(
    @CurrentViewer() viewer: Viewer,
    @Param('id') town: string,
    @Query() q: UploadQuery,
    @Req() req: Request,
  ): Promise<ImportView> {
    const cityId = await this.towns.townId(town);
    return this.imports.upload(viewer, cityId, await readUpload(req, MAX_UPLOAD_BYTES), q.fileName ?? null);
  }

  @Get(':importId')
  @EditTown('city')
  @ApiOkResponse({
    type: ImportViewResponse,
    description: 'The upload and how far it got (poll it during a commit: `status`, `processed`).',
  })
  @ApiErrors(NO_IMPORT)
  async get(@Param('id') town: string, @Param('importId') id: string): Promise<ImportView> {
    return this.imports.get(await this.towns.townId(town), id);
  }

  @Get(':importId/suggestions')
  @EditTown('city')
  @ApiOkResponse({
    type: ImportSuggestionsResponse,
    description:
      'A proposed column mapping and the distinct values of short columns, to map statuses and categories.',
  })
  @ApiErrors(NO_IMPORT)
  async suggestions(@Param('id') town: string, @Param('importId') id: string): Promise<ImportSuggestions> {
    return this.imports.suggestions(await this.towns.townId(town), id);
  }

  @Put(':importId/mapping')
  @EditTown('city')
  @ApiOkResponse({
    type: ImportViewResponse,
    description: 'The upload with the chosen mapping (status `mapped`).',
  })
  @ApiErrors(
    [400, 'The mapping is not valid (VALIDATION_FAILED), e.g. a header the file does not have.'],
    NO_IMPORT,
    ALREADY_IMPORTED,
    413,
  )
  async mapping(
    @Param('id') town: string,
    @Param('importId') id: string,
    @Body() body: ImportMappingDto,
  ): Promise<ImportView> {
    return this.imports.saveMapping(await this.towns.townId(town), id, body);
  }

  @Post(':importId/dry-run')
  @EditTown('city')
  @HttpCode(200)
  @ApiOkResponse({
    type: DryRunResultResponse,
    description: 'What a commit would do, row by row, without writing; a commit soon after reuses this plan.',
  })
  @ApiErrors(NO_MAPPING, NO_IMPORT, ALREADY_IMPORTED)
  async dryRun(@Param('id') town: string, @Param('importId') id: string): Promise<DryRunResult> {
    return this.imports.dryRun(await this.towns.townId(town), id);
  }

  @Post(':importId/commit')
  @EditTown('city')
  @HttpCode(200)
  @ApiOkResponse({
    type: ImportOutcomeResponse,
    description: 'The import is written: what it created and changed.',
  })
  @ApiErrors(
    [
      400,
      'Nothing was imported (VALIDATION_FAILED): no mapping yet, or rows with problems while `skipInvalidRows` is off (`details` has the summary and problems).',
    ],
    NO_IMPORT,
    ALREADY_IMPORTED,
  )
  async commit(@Param('id') town: string, @Param('importId') id: string): Promise<ImportOutcome> {
    return this.imports.commit(await this.towns.townId(town), id);
  }
}
