import { isApiError } from '../../lib/api-client';
import { errorMessageKey } from '../../lib/error-message';

/** Why the renderer could not produce a PDF (503 busy or unavailable, 504 timeout, 502 page failed). */
const RENDER_CODES = [
  'REPORT_RENDERER_BUSY',
  'REPORT_RENDERER_UNAVAILABLE',
  'REPORT_RENDER_TIMEOUT',
  'REPORT_PAGE_FAILED',
] as const;

export const PDF = 'application/pdf';

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
