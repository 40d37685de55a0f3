import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SESSION_COOKIE, sessionToken } from '../auth/session-cookie.js';
import { notFound } from '../common/domain-error.js';
import { fieldError } from '../common/validation.js';
import { todayIso } from '../common/validators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { frameAround } from './report-frame.js';
import { ReportMapRepository } from './report-map.repository.js';
import { ReportPdfRenderer } from './report-pdf.renderer.js';
import { ReportRenderError } from './report-render.error.js';
import { BKG_ATTRIBUTION, type ReportLanguage, type ReportMap } from './report.types.js';

export interface ReportPdf {
  pdf: Buffer;
  filename: string;
}

/** The report map (PostGIS → SVG geometry) and the PDFs of the report pages. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly maps: ReportMapRepository,
    private readonly renderer: ReportPdfRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async map(idOrSlug: string, asOf: string = todayIso()): Promise<ReportMap> {
    const town = await this.maps.town(idOrSlug);
    if (!town) throw notFound('Town', idOrSlug);
    const frame = frameAround(town.extent);
    const [perimeterPath, units, streets, freshness] = await Promise.all([
      this.maps.perimeterPath(town, frame),
      this.maps.units(town, frame, asOf),
      this.maps.streets(town, frame, asOf),
      this.maps.freshness(town.id, asOf),
    ]);
    return {
      cityId: town.id,
      asOf,
      crs: `EPSG:${town.srid}`,
      width: frame.width,
      height: frame.height,
      perimeterPath,
      perimeterIsPlaceholder: town.perimeterIsPlaceholder,
      units,
      streets,
      ...freshness,
      attribution: BKG_ATTRIBUTION,
    };
  }

  async townPdf(
    req: Request,
    idOrSlug: string,
    asOf = todayIso(),
    lang: ReportLanguage = 'de',
    network?: string,
  ): Promise<ReportPdf> {
    const town = await this.maps.town(idOrSlug);
    if (!town) throw notFound('Town', idOrSlug);
    if (network !== undefined) {
      const networks = await this.maps.networksOf(town.id);
      if (!networks.includes(network)) {
        const its = networks.length ? `its networks: ${networks.join(', ')}` : 'it belongs to no network';
        throw fieldError(
          'network',
          'townNetwork',
          `The town ${town.slug} is not a member of the network ${network} (${its}).`,
        );
      }
    }
    const path = `/berichte/stadt/${town.slug}`;
    const pdf = await this.pdf(req, path, asOf, lang, network === undefined ? '' : `&netzwerk=${network}`);
    return { pdf, filename: `${lang === 'en' ? 'report' : 'bericht'}-${town.slug}-${asOf}.pdf` };
  }

  async networkPdf(
    req: Request,
    idOrSlug: string,
    asOf = todayIso(),
    lang: ReportLanguage = 'de',
  ): Promise<ReportPdf> {
    const slug = await this.maps.networkSlug(idOrSlug);
    if (!slug) throw notFound('Network', idOrSlug);
    const pdf = await this.pdf(req, `/berichte/netzwerk/${slug}`, asOf, lang);
    return { pdf, filename: `${lang === 'en' ? 'report' : 'bericht'}-${slug}-${asOf}.pdf` };
  }

  /** `more`: further parameters of the page's address (`&name=value`, values already safe in a URL). */
  private pdf(req: Request, path: string, asOf: string, lang: ReportLanguage, more = ''): Promise<Buffer> {
    if (!existsSync(resolve(this.config.webDistDir, 'index.html'))) {
      throw new ReportRenderError(
        'REPORT_RENDERER_UNAVAILABLE',
        'PDF reports are not available: this server does not serve the built dashboard.',
      );
    }
    const token = sessionToken(req);
    return this.renderer.render({
      origin: ownOrigin(req),
      path: `${path}?stichtag=${asOf}&lang=${lang}${more}`,
      cookies: token ? [{ name: SESSION_COOKIE, value: token }] : [],
      lang,
    });
  }
}

/**
 * This server as reached from itself: the local address and port the request arrived on (behind a
 * proxy that is still this process's own socket), so the page is never fetched from outside.
 */
function ownOrigin(req: Request): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = address.replace(/^::ffff:/, '');
  const local = host === '::' || host === '0.0.0.0' || host === '::1' ? '127.0.0.1' : host;
  const hostPart = local.includes(':') ? `[${local}]` : local;
  return `http://${hostPart}:${req.socket.localPort ?? 80}`;
}
