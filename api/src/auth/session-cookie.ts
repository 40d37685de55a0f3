import { parse } from 'cookie';
import type { Request, Response } from 'express';
import { LruCache } from '../common/lru-cache.js';

export const SESSION_COOKIE = 'sf_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Cookie headers parsed lately: a tile request asks for its session token three times. */
const parsed = new LruCache<{ token: string | undefined }>(200);

export function sessionToken(req: Pick<Request, 'headers'>): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  return parsed.remember(header, () => ({ token: parse(header)[SESSION_COOKIE] })).token;
}

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

/**
 * The device cookie (OWASP's "device cookie" against account lockout): given by each successful
 * sign-in, it lets this browser's attempts for the account past the account-wide failure limit
 * (AuthService.claimAttempt). Only the sign-in routes need it: sent only under /api/auth, and only
 * same-site (Strict); HttpOnly and Secure as the session cookie.
 */
export const DEVICE_COOKIE = 'sf_device';
export const DEVICE_DAYS = 90;
const DEVICE_PATH = '/api/auth';

export function deviceToken(req: Pick<Request, 'headers'>): string | undefined {
  const header = req.headers.cookie;
  return header === undefined ? undefined : parse(header)[DEVICE_COOKIE];
}

export function setDeviceCookie(req: Request, res: Response, token: string): void {
  res.cookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: DEVICE_PATH,
    maxAge: DEVICE_DAYS * 24 * 3600 * 1000,
  });
}
