import { Controller, Get, Header, Param, Query, Req, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, type DocumentedError } from '../common/openapi/api-errors.decorator.js';
import type { Request } from 'express';
import { Access, Public, ReadTown } from '../auth/access.decorator.js';
import { CurrentViewer } from '../auth/current-viewer.decorator.js';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { NetworkReportMapResponse } from './dto/network-report-map.response.js';
import { ReportMapResponse } from './dto/report-map.response.js';
import { ApiRenderErrors } from './dto/report-render-error.body.js';
import { ReportMapQuery, ReportPdfQuery, TownReportPdfQuery } from './dto/report-query.js';
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

const NO_TOWN: DocumentedError = [404, 'There is no town with this id or slug (NOT_FOUND).'];
const NO_NETWORK: DocumentedError = [404, 'There is no network with this id or slug (NOT_FOUND).'];
const PDF = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } as const;

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
  @ApiOkResponse({
    type: ReportMapResponse,
    description:
      'The downtown map of the town report on `asOf`: perimeter and units in metres, ready to draw as SVG.',
  })
  @ApiErrors(400, 401, 403, NO_TOWN)
  map(@Param('idOrSlug') idOrSlug: string, @Query() q: ReportMapQuery): Promise<ReportMap> {
    return this.reports.map(idOrSlug, q.asOf);
  }

  @Get('networks/:idOrSlug/map')
  @Public() // its towns follow the caller: anonymous callers see the open-data members
  @ApiOkResponse({
    type: NetworkReportMapResponse,
    description:
      'The overview map of the network report on `asOf`: the member towns the caller may see (anonymous: open-data towns), coloured by vacancy class.',
  })
  @ApiErrors(400, NO_NETWORK)
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
  @ApiOkResponse({ description: 'The town report as a PDF (A4), as a download', content: PDF })
  @ApiErrors(
    [400, 'Invalid date or language, or `network` is not one of the town’s networks (VALIDATION_FAILED).'],
    401,
    403,
    NO_TOWN,
  )
  @ApiRenderErrors()
  @Header('Cache-Control', 'private, no-store')
  async townPdf(
    @Req() req: Request,
    @Param('idOrSlug') idOrSlug: string,
    @Query() q: TownReportPdfQuery,
  ): Promise<StreamableFile> {
    return pdfFile(await this.reports.townPdf(req, idOrSlug, q.asOf, q.lang, q.network));
  }

  @Get('networks/:idOrSlug.pdf')
  @Access({ kind: 'signedIn' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The network report as a PDF (A4), as a download, over the member towns the caller may see',
    content: PDF,
  })
  @ApiErrors(400, 401, NO_NETWORK)
  @ApiRenderErrors()
  @Header('Cache-Control', 'private, no-store')
  async networkPdf(
    @Req() req: Request,
    @Param('idOrSlug') idOrSlug: string,
    @Query() q: ReportPdfQuery,
  ): Promise<StreamableFile> {
    return pdfFile(await this.reports.networkPdf(req, idOrSlug, q.asOf, q.lang));
  }
}
