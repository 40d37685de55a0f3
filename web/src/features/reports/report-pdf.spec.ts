import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { fetchDownload } from '../../lib/download';
import { PDF, pdfErrorKey } from './report-pdf';

const fetchReportPdf = (href: string) => fetchDownload(href, PDF);

const HREF = '/api/reports/towns/gotha.pdf?asOf=2025-06-30&lang=de';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('report PDF download', () => {
  it('fetches with the session cookie and returns the PDF', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      new Response(new Blob(['%PDF-1.7']), {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="a.pdf"' },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { blob, fileName } = await fetchReportPdf(HREF);
    expect(fetchMock).toHaveBeenCalledWith(HREF, expect.objectContaining({ credentials: 'same-origin' }));
    expect(fileName).toBe('a.pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
  });

  it('turns the renderer’s refusals into errors with their code, and explains them', async () => {
    const busy = { code: 'REPORT_RENDERER_BUSY', message: 'Too many reports' };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(busy), { status: 503 })));
    const error = await fetchReportPdf(HREF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(pdfErrorKey(error)).toBe('reports.pdfError.REPORT_RENDERER_BUSY');

    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response('<html>Gateway Timeout</html>', { status: 504 })),
    );
    expect(pdfErrorKey(await fetchReportPdf(HREF).catch((e: unknown) => e))).toBe(
      'reports.pdfError.REPORT_RENDER_TIMEOUT',
    );

    expect(pdfErrorKey(new ApiError(403, 'FORBIDDEN', 'x'))).toBe('errors.forbidden');
    expect(pdfErrorKey(new ApiError(500, 'INTERNAL', 'x'))).toBe('reports.pdfError.failed');
    expect(pdfErrorKey(new TypeError('Failed to fetch'))).toBe('reports.pdfError.failed');
  });
});
