import { ApiError, isApiError } from '../../lib/api-client';
import { errorMessageKey } from '../../lib/error-message';

/** Why the renderer could not produce a PDF (503 busy or unavailable, 504 timeout, 502 page failed). */
const RENDER_CODES = [
  'REPORT_RENDERER_BUSY',
  'REPORT_RENDERER_UNAVAILABLE',
  'REPORT_RENDER_TIMEOUT',
  'REPORT_PAGE_FAILED',
] as const;

/** The file name the API sends (`Content-Disposition`), else the last part of the path. */
export function pdfFileName(disposition: string | null, href: string): string {
  const sent = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  return sent ?? href.split('?')[0]!.split('/').at(-1) ?? 'report.pdf';
}

/**
 * Fetches the report's PDF (rendering takes seconds up to about a minute). Failures are ApiErrors
 * with the API's code; an answer that is not the API's JSON (a gateway's 504 page) keeps its status.
 */
export async function fetchReportPdf(href: string): Promise<{ blob: Blob; fileName: string }> {
  const res = await fetch(href, { credentials: 'same-origin', headers: { Accept: 'application/pdf' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    throw new ApiError(
      res.status,
      typeof body.code === 'string' ? body.code : 'INTERNAL',
      typeof body.message === 'string' ? body.message : res.statusText,
      body.details,
    );
  }
  return { blob: await res.blob(), fileName: pdfFileName(res.headers.get('Content-Disposition'), href) };
}

/** The i18n key explaining a failed PDF download: the renderer's codes, else the API's usual ones. */
export function pdfErrorKey(error: unknown): string {
  if (!isApiError(error)) return 'reports.pdfError.failed';
  const code = RENDER_CODES.find((c) => c === error.code);
  if (code) return `reports.pdfError.${code}`;
  if (error.status === 503) return 'reports.pdfError.REPORT_RENDERER_UNAVAILABLE';
  if (error.status === 504) return 'reports.pdfError.REPORT_RENDER_TIMEOUT';
  const key = errorMessageKey(error);
  return key === 'errors.generic' ? 'reports.pdfError.failed' : key;
}

/** Saves a blob under a file name: an object URL clicked through a temporary download link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers still read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
