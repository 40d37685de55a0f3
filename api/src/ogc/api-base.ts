import type { Request } from 'express';

/**
 * Where this API is reachable from the client's side, for absolute links (OGC API – Features,
 * TileJSON): PUBLIC_URL when set, else the request's host (behind a proxy with TRUST_PROXY=true its
 * X-Forwarded-Host and -Proto). With PUBLIC_URL a forged Host header cannot put another address into
 * the links.
 */
export const apiBase = (req: Request, publicUrl: string | null): string =>
  `${publicUrl ?? `${req.protocol}://${req.host ?? 'localhost'}`}/api`;
