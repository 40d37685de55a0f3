import { errors } from 'playwright-core';
import { ReportRenderError } from './report-render.error.js';
import { footerTemplate, translate } from './report-pdf.renderer.js';

/** The renderer loads playwright-core only with the first report, so its errors are recognised by name. */
describe('translate (a failed render’s answer)', () => {
  const answer = (error: unknown): ReportRenderError => {
    try {
      translate(5000)(error);
    } catch (thrown) {
      return thrown as ReportRenderError;
    }
    throw new Error('translate returned instead of throwing');
  };

  it('answers playwright’s own timeout as REPORT_RENDER_TIMEOUT with the time allowed', () => {
    const result = answer(new errors.TimeoutError('page.waitForSelector: Timeout 5000ms exceeded.'));
    expect(result).toBeInstanceOf(ReportRenderError);
    expect(result.code).toBe('REPORT_RENDER_TIMEOUT');
    expect(result.details).toEqual({ timeoutMs: 5000 });
  });

  it('answers any other failure as REPORT_PAGE_FAILED with the first line of its message', () => {
    const result = answer(new Error('net::ERR_CONNECTION_REFUSED\n  at page.goto'));
    expect(result.code).toBe('REPORT_PAGE_FAILED');
    expect(result.details).toEqual({ reason: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('passes the renderer’s own errors through unchanged', () => {
    const own = new ReportRenderError('REPORT_RENDERER_UNAVAILABLE', 'no Chromium');
    expect(answer(own)).toBe(own);
  });
});

describe('footerTemplate (every page of a PDF)', () => {
  it('names the report, its date and demo data on the left, the page on the right, escaped as HTML', () => {
    const footer = footerTemplate(
      'de',
      'Innenstadtbericht Gotha · Stichtag: 30. Juni 2025 · Demodaten <synthetisch>',
    );
    expect(footer).toContain(
      '<span>Innenstadtbericht Gotha · Stichtag: 30. Juni 2025 · Demodaten &#60;synthetisch&#62;</span>',
    );
    expect(footer).toContain('Seite <span class="pageNumber"></span> von <span class="totalPages"></span>');
    expect(footerTemplate('en', 'Gotha town centre report')).toContain(
      'Page <span class="pageNumber"></span> of',
    );
  });
});
