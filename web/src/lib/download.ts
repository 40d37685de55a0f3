import { ApiError } from './api-client';

/** The file name the API sends (`Content-Disposition`), else the last part of the path. */
export function downloadFileName(disposition: string | null, href: string): string {
  const sent = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  return sent ?? href.split('?')[0]!.split('/').at(-1) ?? 'download';
}

/**
 * Fetches a file the API builds (a report's PDF, a town's export) with the session cookie, so that a
 * refusal can be explained in the page's language instead of a browser's "download failed". Failures
 * are ApiErrors with the API's code; an answer that is not the API's JSON (a gateway's 504 page) keeps
 * its status; a download that breaks off rejects.
 */
export async function fetchDownload(href: string, accept: string): Promise<{ blob: Blob; fileName: string }> {
  const res = await fetch(href, { credentials: 'same-origin', headers: { Accept: accept } });
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
  return { blob: await res.blob(), fileName: downloadFileName(res.headers.get('Content-Disposition'), href) };
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
