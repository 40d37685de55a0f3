/** The API's error shape: `{ code, message, details? }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A 403 caused by a missing or stale CSRF token (not by missing rights). */
export function isCsrfError(error: unknown): boolean {
  return (
    isApiError(error, 'FORBIDDEN') && (error.details as { reason?: unknown } | undefined)?.reason === 'csrf'
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session's CSRF token. Every write (POST/PUT/PATCH/DELETE) sends it as `X-CSRF-Token`; the
 * session hook keeps it current (set on sign-in and on every session read, cleared on sign-out).
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body instanceof Blob) {
    // A file upload: the file itself is the request body (the API reads it raw, no multipart).
    headers['Content-Type'] = body.type || 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return fetch(path, init);
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (json ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(res.status, err.code ?? 'INTERNAL', err.message ?? res.statusText, err.details);
  }
  // An empty 200 is `null`, not `undefined` (TanStack Query refuses undefined).
  return (json ?? null) as T;
}

/** Reads the current session's token again (after it expired or the user signed in elsewhere). */
async function refreshCsrfToken(): Promise<boolean> {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin' });
  if (!res.ok) return false;
  const session = (await res.json()) as { csrfToken: string | null };
  setCsrfToken(session.csrfToken);
  return session.csrfToken !== null;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  try {
    return await parse<T>(await send(method, path, body));
  } catch (error) {
    // A stale token (new session in another tab): fetch the current one and try once more.
    if (isCsrfError(error) && (await refreshCsrfToken())) return parse<T>(await send(method, path, body));
    throw error;
  }
}

export const api = {
  get: <T>(path: string): Promise<T> => request<T>('GET', path),
  post: <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown): Promise<T> => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, body),
  delete: <T>(path: string): Promise<T> => request<T>('DELETE', path),
  /** POSTs a file (or any Blob) as the raw request body with its own content type. */
  upload: <T>(path: string, file: Blob): Promise<T> => request<T>('POST', path, file),
};

/** `?a=1&b=2` from an object; undefined, null and empty values are left out. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
