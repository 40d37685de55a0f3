import { Controller, Get, Header, Param, Query, Req, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Access, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { ReportMapQuery, ReportPdfQuery } from './dto/report-query.js';
import { NetworkMapService } from './network-map.service.js';
import { ReportRenderErrorFilter } from './report-render.error.js';
import type { NetworkReportMap, ReportMap } from './report.types.js';
import { ReportsService, type ReportPdf } from './reports.service.js';

const pdfFile = ({ pdf, filename }: ReportPdf): StreamableFile =>
  new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="${filename}"`,
    length: pdf.length,
  });

/**
 * Council reports (docs/reports.md). The map geometry is public data like the map tiles; the network
 * map covers the members the caller may see, like the network summary; the PDFs need a signed-in
 * reader, because each one costs a browser render on the server.
 */
@ApiTags('reports')
@Controller('reports')
@UseFilters(ReportRenderErrorFilter)
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly networkMaps: NetworkMapService,
  ) {}

  @Get('towns/:idOrSlug/map')
  @ReadTown('city', 'idOrSlug', true)
  map(@Param('idOrSlug') idOrSlug: string, @Query() q: ReportMapQuery): Promise<ReportMap> {
    return this.reports.map(idOrSlug, q.asOf);
  }

  @Get('networks/:idOrSlug/map')
  @Access({ kind: 'towns', publicData: true })
  networkMap(
    @CurrentViewer() viewer: Viewer,
    @Param('idOrSlug') idOrSlug: string,
    @Query() q: ReportMapQuery,
  ): Promise<NetworkReportMap> {
    return this.networkMaps.map(idOrSlug, q.asOf, visibleCityIds(viewer, undefined, true));
  }

  @Get('towns/:idOrSlug.pdf')
  @ReadTown('city', 'idOrSlug')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The town report as a PDF (A4)' })
  @Header('Cache-Control', 'private, no-store')
  async townPdf(
    @Req() req: Request,
    @Param('idOrSlug') idOrSlug: string,
    @Query() q: ReportPdfQuery,
  ): Promise<StreamableFile> {
    return pdfFile(await this.reports.townPdf(req, idOrSlug, q.asOf, q.lang));
  }

  @Get('networks/:idOrSlug.pdf')
  @Access({ kind: 'signedIn' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The network report as a PDF (A4), over the member towns the caller may see',
  })
  @Header('Cache-Control', 'private, no-store')
  async networkPdf(
    @Req() req: Request,
    @Param('idOrSlug') idOrSlug: string,
    @Query() q: ReportPdfQuery,
  ): Promise<StreamableFile> {
    return pdfFile(await this.reports.networkPdf(req, idOrSlug, q.asOf, q.lang));
  }
}
