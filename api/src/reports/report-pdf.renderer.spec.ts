import { errors } from 'playwright-core';
import { ReportRenderError } from './report-render.error.js';
import { translate } from './report-pdf.renderer.js';

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
