import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { downloadFileName, fetchDownload } from './download';

const HREF = '/api/exports/storefronts.xlsx?cityId=c1';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a download fetched from the API', () => {
  it('takes the file name the API sends, else the path’s', () => {
    expect(downloadFileName('attachment; filename="storefronts-gotha-2026-12-07.xlsx"', HREF)).toBe(
      'storefronts-gotha-2026-12-07.xlsx',
    );
    expect(downloadFileName(null, HREF)).toBe('storefronts.xlsx');
  });

  it('asks with the session cookie and the file’s type', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(new Blob(['PK']), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const { blob, fileName } = await fetchDownload(HREF, 'text/csv');
    expect(fetchMock).toHaveBeenCalledWith(HREF, {
      credentials: 'same-origin',
      headers: { Accept: 'text/csv' },
    });
    expect(fileName).toBe('storefronts.xlsx');
    expect(await blob.text()).toBe('PK');
  });

  it('turns a refusal into an ApiError with the API’s code and details', async () => {
    const body = { code: 'EXPORT_TOO_LARGE', message: 'Too many', details: { rows: 250000, limit: 200000 } };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status: 422 })));
    const error = await fetchDownload(HREF, 'text/csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'EXPORT_TOO_LARGE', details: body.details });
  });
});
