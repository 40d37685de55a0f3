import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import type { Viewer } from '../auth/viewer.js';
import { KpiExportQuery, StorefrontExportQuery } from './dto/export.query.js';
import { toCsv, toXlsx } from './export-table.js';
import { storefrontFeatures } from './export-geojson.js';
import { ExportsService } from './exports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads, filtered like the map and limited to what the viewer may read (docs/import-export.md). */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('storefronts.csv')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('text/csv')
  async storefrontsCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { table } = await this.exports.storefronts(viewer, q);
    send(res, 'text/csv; charset=utf-8', 'storefronts.csv', toCsv(table, { excelDe: q.excel === 'de' }));
  }

  @Get('storefronts.xlsx')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces(XLSX)
  async storefrontsXlsx(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const [{ table }, history] = await Promise.all([
      this.exports.storefronts(viewer, q),
      this.exports.history(viewer, q),
    ]);
    send(res, XLSX, 'storefronts.xlsx', await toXlsx([table, history]));
  }

  @Get('storefronts.geojson')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('application/geo+json')
  async storefrontsGeoJson(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { table, rows } = await this.exports.storefronts(viewer, q);
    const body = Buffer.from(JSON.stringify(storefrontFeatures(table.headers, rows)));
    send(res, 'application/geo+json', 'storefronts.geojson', body);
  }

  @Get('occupancy.csv')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('text/csv')
  async occupancyCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StorefrontExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const table = await this.exports.history(viewer, q);
    send(res, 'text/csv; charset=utf-8', 'occupancy.csv', toCsv(table, { excelDe: q.excel === 'de' }));
  }

  @Get('kpis.csv')
  @Access({ kind: 'towns', publicData: true })
  @ApiProduces('text/csv')
  async kpisCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() q: KpiExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const table = await this.exports.kpiTable(viewer, q);
    send(res, 'text/csv; charset=utf-8', 'kpis.csv', toCsv(table, { excelDe: q.excel === 'de' }));
  }
}

function send(res: Response, type: string, fileName: string, body: Buffer): void {
  res.status(200).type(type).setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(body);
}
