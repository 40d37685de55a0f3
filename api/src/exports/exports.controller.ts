import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { KpiExportQuery, StorefrontExportQuery } from './dto/export.query.js';
import { csvPieces, toCsv } from './export-table.js';
import { geoJsonPieces } from './export-geojson.js';
import { forGermanExcel, kpisForGermanExcel } from './export-german.js';
import { sendBuiltFile, sendFile, sendStream } from './export-download.js';
import { StorefrontExportResponse } from './dto/storefront-export.response.js';
import { ExportsService, HISTORY_COLUMNS, PERSONAL_COLUMNS, PUBLIC_COLUMNS } from './exports.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/domain-error.js';
import { JobQueue } from '../common/job-queue.js';

/** Downloads waiting for one of the running ones to finish; more are refused (429 `downloads_busy`). */
export const MAX_WAITING_DOWNLOADS = 20;

/**
 * Downloads that may run at once: a quarter of the database pool. Each holds a connection and a
 * snapshot until the client has taken the whole file; without a cap, twenty slow downloads would
 * leave every other request of the API waiting for a connection.
 */
export const runningDownloads = (config: Pick<AppConfig, 'databasePoolSize'>): number =>
  Math.max(1, Math.floor(config.databasePoolSize / 4));

const downloadsBusy = (): DomainError =>
  new DomainError(
    'TOO_MANY_REQUESTS',
    'Too many downloads are being prepared right now. Please try again in a minute.',
    {
      reason: 'downloads_busy',
    },
  );

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CSV_CONTENT = { 'text/csv': { schema: { type: 'string' } } } as const;
const CSV_DIALECT =
  'UTF-8, comma-separated, decimal point; with `excel=de` for German Excel: semicolons, decimal commas, a byte order mark, German column names and words (Status „Leerstand“, Geschoss „Erdgeschoss“, ja/nein), which the import reads back.';
const STREAMED =
  'Sent while the rows are read (chunked): a download that breaks off is incomplete (the connection is closed without the end of the body) and must be repeated.';
const STOREFRONT_COLUMNS = `Columns: ${PUBLIC_COLUMNS.join(', ')}; for an editor of one of the towns also ${PERSONAL_COLUMNS.join(', ')}.`;

/** Downloads, filtered like the map and limited to what the viewer may read (docs/import-export.md). */
@ApiTags('exports')
@Controller('exports')
@ApiExtraModels(StorefrontExportResponse)
@ApiErrors(400, 401, 403)
export class ExportsController {
  private readonly downloads: JobQueue;

  constructor(
    private readonly exports: ExportsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.downloads = new JobQueue(runningDownloads(config), MAX_WAITING_DOWNLOADS);
  }

  @Get('storefronts.csv')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `The units matching the map's filters on \`asOf\`, one row each, as a download. ${STOREFRONT_COLUMNS} ${CSV_DIALECT} ${STREAMED}`,
    content: CSV_CONTENT,
  })
  async storefrontsCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const table = this.exports.storefronts(viewer, q);
    const csv = csvPieces(q.excel === 'de' ? forGermanExcel(table) : table, { excelDe: q.excel === 'de' });
    const name = await this.exports.fileName(q, 'storefronts', 'csv');
    await this.downloads.run(() => sendStream(res, 'text/csv; charset=utf-8', name, csv), downloadsBusy);
  }

  @Get('storefronts.xlsx')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: `An Excel workbook with two sheets: the units matching the filters (as storefronts.csv) and their occupancy history (as occupancy.csv).`,
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors([
    422,
    'The selection is too large for a workbook (EXPORT_TOO_LARGE): more units than EXPORT_XLSX_MAX_ROWS (default 200,000), or a history longer than an Excel sheet (1,048,575 rows); `details` has `rows`, `limit` and the `sheet`. CSV and GeoJSON have no such limit.',
  ])
  async storefrontsXlsx(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const name = await this.exports.fileName(q, 'storefronts', 'xlsx');
    await this.downloads.run(
      () => sendBuiltFile(res, XLSX, name, (path) => this.exports.workbook(viewer, q, path)),
      downloadsBusy,
    );
  }

  @Get('storefronts.geojson')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('application/geo+json')
  @ApiOkResponse({
    description: `The units matching the filters as a GeoJSON FeatureCollection (points in [lon, lat]), as a download. ${STREAMED}`,
    content: { 'application/geo+json': { schema: { $ref: getSchemaPath(StorefrontExportResponse) } } },
  })
  async storefrontsGeoJson(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { columns, batches } = this.exports.storefrontRows(viewer, q);
    const name = await this.exports.fileName(q, 'storefronts', 'geojson');
    await this.downloads.run(
      () => sendStream(res, 'application/geo+json', name, geoJsonPieces(columns, batches)),
      downloadsBusy,
    );
  }

  @Get('occupancy.csv')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `The status history of the units matching the filters, one period per row, as a download. Columns: ${HISTORY_COLUMNS.join(', ')}. ${CSV_DIALECT} ${STREAMED}`,
    content: CSV_CONTENT,
  })
  async occupancyCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const table = this.exports.history(viewer, q);
    const csv = csvPieces(q.excel === 'de' ? forGermanExcel(table) : table, { excelDe: q.excel === 'de' });
    const name = await this.exports.fileName(q, 'occupancy', 'csv');
    await this.downloads.run(() => sendStream(res, 'text/csv; charset=utf-8', name, csv), downloadsBusy);
  }

  @Get('kpis.csv')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `Each town's KPIs on \`asOf\` (docs/kpis.md), one row per town, nested ones as \`flows.openings\` or \`useMix.food_drink\`, as a download. ${CSV_DIALECT}`,
    content: CSV_CONTENT,
  })
  async kpisCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() q: KpiExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const table = await this.exports.kpiTable(viewer, q);
    const name = await this.exports.fileName(q, 'kpis', 'csv');
    const excelDe = q.excel === 'de';
    sendFile(
      res,
      'text/csv; charset=utf-8',
      name,
      toCsv(excelDe ? kpisForGermanExcel(table) : table, { excelDe }),
    );
  }
}
