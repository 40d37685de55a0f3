import { access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type * as Playwright from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { APP_CONFIG, type AppConfig, type ReportRendererConfig } from '../config/app-config.js';
import { CHROMIUM_ARGS } from './report-renderer.config.js';
import { ReportRenderError } from './report-render.error.js';
import { JobQueue } from '../common/job-queue.js';
import type { ReportLanguage } from './report.types.js';

export interface RenderRequest {
  /** Origin of this API (it serves the dashboard), e.g. http://127.0.0.1:3000. */
  origin: string;
  /** Path and query of the report page, e.g. /berichte/stadt/gotha?stichtag=2025-06-30&lang=de. */
  path: string;
  /** The caller's cookies for the origin: the page sees exactly what the caller may see. */
  cookies: { name: string; value: string }[];
  lang: ReportLanguage;
}

/**
 * playwright-core is loaded with the first report, not with the API: it adds ≈ 90 MB to the process and
 * ≈ 0.6 s to its start, which every API process paid although few ever render a PDF.
 */
let playwright: Promise<typeof Playwright> | undefined;
const loadPlaywright = (): Promise<typeof Playwright> => (playwright ??= import('playwright-core'));

/**
 * Whether PDFs can be rendered, as readiness reports it (health/): `running` — the shared browser is
 * up; `installed` — Chromium is where CHROMIUM_PATH says and is launched with the first report;
 * `unavailable` — no executable there, its last launch failed, or the process serves no built dashboard
 * (whose report pages it prints): PDFs answer 503 REPORT_RENDERER_UNAVAILABLE.
 */
export type ReportRendererState = 'running' | 'installed' | 'unavailable';

/** Attribute the report page sets on its root: "true" when map and charts are drawn, "error" otherwise. */
const READY_SELECTOR = '[data-report-ready="true"], [data-report-ready="error"]';

/**
 * Renders report pages to PDF in one shared headless Chromium (launched on first use, relaunched
 * after a crash), one isolated browser context per report, a small queue in front of it.
 */
@Injectable()
export class ReportPdfRenderer implements OnApplicationShutdown {
  private browser: Promise<Browser> | null = null;
  /** The launched browser while it is connected (`browser` is also set while it is launching). */
  private running: Browser | null = null;
  private lastLaunchFailed = false;
  private readonly queue: JobQueue;

  private readonly config: ReportRendererConfig;
  private readonly dashboardIndex: string;

  constructor(@Inject(APP_CONFIG) appConfig: AppConfig) {
    this.config = appConfig.reportRenderer;
    this.dashboardIndex = resolve(appConfig.webDistDir, 'index.html');
    this.queue = new JobQueue(this.config.concurrency, this.config.queueLimit);
  }

  async render(request: RenderRequest): Promise<Buffer> {
    return this.queue.run(
      () => this.renderWithDeadline(request),
      () =>
        new ReportRenderError(
          'REPORT_RENDERER_BUSY',
          'Too many reports are being prepared right now. Please try again in a minute.',
          this.queue.size,
        ),
    );
  }

  /** What readiness reports; never launches the browser (that costs seconds and ≈ 100 MB). */
  async state(): Promise<ReportRendererState> {
    if (this.running?.isConnected()) return 'running';
    if (this.lastLaunchFailed) return 'unavailable';
    try {
      await access(this.dashboardIndex, constants.R_OK);
      await access(this.config.chromiumPath, constants.X_OK);
      return 'installed';
    } catch {
      return 'unavailable';
    }
  }

  /** Closed after the HTTP server (Nest's order on a stop): the requests still being answered finish first. */
  async onApplicationShutdown(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  /** A render that overruns is cut off: its browser context is closed, so no work outlives the slot. */
  private async renderWithDeadline(request: RenderRequest): Promise<Buffer> {
    let context: BrowserContext | undefined;
    const work = this.renderNow(request, (c) => (context = c));
    try {
      return await this.withTimeout(work);
    } catch (error) {
      work.catch(() => undefined);
      await context?.close().catch(() => undefined);
      throw error;
    }
  }

  private async renderNow(request: RenderRequest, opened: (c: BrowserContext) => void): Promise<Buffer> {
    const browser = await this.launched();
    const context = await browser.newContext({
      locale: request.lang === 'en' ? 'en-GB' : 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1000, height: 1400 },
      deviceScaleFactor: 2,
      serviceWorkers: 'block',
    });
    opened(context);
    try {
      await context.addCookies(
        request.cookies.map((c) => ({ ...c, url: request.origin, httpOnly: true, sameSite: 'Lax' as const })),
      );
      const page = await context.newPage();
      page.setDefaultTimeout(this.config.renderTimeoutMs);
      await page.goto(`${request.origin}${request.path}`, { waitUntil: 'domcontentloaded' });
      await this.waitUntilReady(page);
      const head = await runningHead(page, request.lang);
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(request.lang, head),
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  private async waitUntilReady(page: Page): Promise<void> {
    const root = await page.waitForSelector(READY_SELECTOR, { state: 'attached' });
    if ((await root.getAttribute('data-report-ready')) === 'error') {
      const reason = (await root.getAttribute('data-report-error')) ?? 'unknown';
      throw new ReportRenderError('REPORT_PAGE_FAILED', 'The report page could not load its data.', {
        reason,
      });
    }
    await page.evaluate('document.fonts.ready.then(() => true)');
  }

  private async launched(): Promise<Browser> {
    if (!this.browser) {
      const launching = this.launch();
      this.browser = launching;
      launching.then(
        (b) => {
          this.running = b;
          this.lastLaunchFailed = false;
          b.on('disconnected', () => {
            if (this.running === b) this.running = null;
            if (this.browser === launching) this.browser = null;
          });
        },
        () => {
          this.lastLaunchFailed = true;
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const path = this.config.chromiumPath;
    try {
      await access(path, constants.X_OK);
    } catch {
      throw new ReportRenderError(
        'REPORT_RENDERER_UNAVAILABLE',
        'PDF reports are not available: no Chromium is installed on the server.',
        { chromiumPath: path },
      );
    }
    try {
      const { chromium } = await loadPlaywright();
      return await chromium.launch({
        executablePath: path,
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: 20_000,
      });
    } catch (error) {
      throw new ReportRenderError(
        'REPORT_RENDERER_UNAVAILABLE',
        'PDF reports are not available: Chromium did not start.',
        {
          chromiumPath: path,
          reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
        },
      );
    }
  }

  private async withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ReportRenderError(
              'REPORT_RENDER_TIMEOUT',
              'Preparing the PDF took too long. Please try again.',
              {
                timeoutMs: this.config.renderTimeoutMs,
              },
            ),
          ),
        this.config.renderTimeoutMs + 2_000,
      );
    });
    try {
      return await Promise.race([work.catch(translate(this.config.renderTimeoutMs)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What a failed render answers: playwright's timeouts as REPORT_RENDER_TIMEOUT, anything else as REPORT_PAGE_FAILED. */
export function translate(timeoutMs: number) {
  return (error: unknown): never => {
    if (error instanceof ReportRenderError) throw error;
    // playwright's errors.TimeoutError, recognised by name: the module is loaded only with the browser
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new ReportRenderError(
        'REPORT_RENDER_TIMEOUT',
        'Preparing the PDF took too long. Please try again.',
        {
          timeoutMs,
        },
      );
    }
    throw new ReportRenderError('REPORT_PAGE_FAILED', 'The report page could not be rendered.', {
      reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
    });
  };
}

/**
 * What every page says of itself, so that a loose page in a council folder is not anonymous: the report's
 * title, its date and, for demo data, that the figures are synthetic („Innenstadtbericht Gotha · Stichtag:
 * 30. Juni 2025 · Demodaten (synthetisch)“), read from the rendered page's header.
 */
export async function runningHead(page: Page, lang: ReportLanguage): Promise<string> {
  const parts =
    await page.evaluate(`[...document.querySelectorAll('.report-header h1, .report-header .report-date')]
      .map((e) => e.textContent.replace(/\\s+/g, ' ').trim())
      .concat(document.querySelector('.report-header .report-synthetic') ? ['synthetic'] : [])`);
  return (parts as string[])
    .map((p) =>
      p === 'synthetic' ? (lang === 'en' ? 'Demo data (synthetic)' : 'Demodaten (synthetisch)') : p,
    )
    .join(' · ');
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The running head and the page numbers in the bottom margin (Chromium fills .pageNumber / .totalPages). */
export function footerTemplate(lang: ReportLanguage, head: string): string {
  const [page, of] = lang === 'en' ? ['Page', 'of'] : ['Seite', 'von'];
  return `<div style="width:100%;font:8px sans-serif;color:#555;display:flex;justify-content:space-between;gap:8mm;padding:0 14mm">
    <span>${escapeHtml(head)}</span>
    <span style="white-space:nowrap">${page} <span class="pageNumber"></span> ${of} <span class="totalPages"></span></span></div>`;
}
