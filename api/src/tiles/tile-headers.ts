export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/**
 * The headers a tile answer sets itself, the same from the controller and from TileLane. The rest
 * (security headers, request id) come from the pipeline's middleware; TileReplay records them.
 */
export function tileHeaders(etag: string, signedIn: boolean): HeaderList {
  return [['ETag', etag], ...tileCacheHeaders(signedIn)];
}

/** Name/value pairs of an answer's headers. */
export type HeaderList = readonly (readonly [name: string, value: string])[];

// Anonymous tiles (open data) may sit in a shared cache; a signed-in viewer's may not.
const cacheHeaders = (scope: 'private' | 'public'): HeaderList =>
  Object.freeze([
    Object.freeze(['Cache-Control', `${scope}, max-age=0, must-revalidate`] as const),
    Object.freeze(['Vary', 'Accept-Encoding, Cookie'] as const),
  ]);
const PRIVATE = cacheHeaders('private');
const PUBLIC = cacheHeaders('public');

/** tileHeaders but the ETag: the same list for every tile of a kind of viewer. */
export const tileCacheHeaders = (signedIn: boolean): HeaderList => (signedIn ? PRIVATE : PUBLIC);

/**
 * What TileLane and TileReplay pass to `writeHead`: a fresh request id, the recorded headers (a 304
 * without Content-Type), the ETag, and for a 200 (`body` given) its length.
 */
export function answerHeaders(requestId: string, headers: HeaderList, etag: string, body?: Buffer): string[] {
  const flat = ['X-Request-Id', requestId];
  for (const [name, value] of headers)
    if (body !== undefined || name.toLowerCase() !== 'content-type') flat.push(name, value);
  flat.push('ETag', etag);
  if (body !== undefined) flat.push('Content-Length', String(body.length));
  return flat;
}

/** A response's headers as name/value pairs, for recording (multi-valued ones joined). */
export function headersOf(
  res: { getHeaderNames(): string[]; getHeader(name: string): number | string | string[] | undefined },
  leaveOut: ReadonlySet<string>,
): [name: string, value: string][] {
  const headers: [string, string][] = [];
  for (const name of res.getHeaderNames()) {
    const value = res.getHeader(name);
    if (value === undefined || leaveOut.has(name.toLowerCase())) continue;
    headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  return headers;
}
