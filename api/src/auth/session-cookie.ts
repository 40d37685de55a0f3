import { parse } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'sf_session';
export const CSRF_HEADER = 'x-csrf-token';

export const sessionToken = (req: Pick<Request, 'headers'>): string | undefined =>
  parse(req.headers.cookie ?? '')[SESSION_COOKIE];

/** HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS (directly or via a trusted proxy). */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: 7 * 24 * 3600 * 1000,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
