import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The demo accounts the `--demo` seed creates (db/seeds/demo-users.ts); one password for all. */
export const DEMO_PASSWORD = 'demo-schaufenster';
export const DEMO = {
  admin: 'admin@demo.schaufenster.invalid',
  editorMuehlhausen: 'citymanagement.muehlhausen@demo.schaufenster.invalid',
  networkMember: 'netzwerk@demo.schaufenster.invalid',
  viewerGotha: 'stadtrat.gotha@demo.schaufenster.invalid',
} as const;

/**
 * Signs in through the API in the given request context (for a page: `page.request`, which shares
 * the browser's cookies). Returns the CSRF token every write must send.
 */
export async function signInApi(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  // Already signed in (switching accounts): the sign-in is a write of that session and needs its token.
  const current = (await (await request.get('/api/auth/session')).json()) as { csrfToken: string | null };
  const headers: Record<string, string> = current.csrfToken ? { 'X-CSRF-Token': current.csrfToken } : {};
  const res = await request.post('/api/auth/sign-in', { data: { email, password }, headers });
  expect(res.status(), `sign-in as ${email}`).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return body.csrfToken;
}

/** Signs the page's browser context in (cookie set for the page), without going through the form. */
export async function signIn(page: Page, email: string): Promise<string> {
  return signInApi(page.request, email);
}

export interface TownRef {
  id: string;
  slug: string;
  name: string;
}

export async function townBySlug(request: APIRequestContext, slug: string): Promise<TownRef> {
  const res = await request.get(`/api/cities/${slug}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as TownRef;
}

/** Some storefront of a town that exists today (from the public list of an open-data town). */
export async function someStorefront(
  request: APIRequestContext,
  cityId: string,
  index = 0,
): Promise<{ id: string; street: string; houseNumber: string; version: number; floorAreaM2: number | null }> {
  const res = await request.get(`/api/storefronts?cityId=${cityId}&pageSize=20&sort=street`);
  expect(res.ok()).toBe(true);
  const page = (await res.json()) as {
    items: { id: string; street: string; houseNumber: string; version: number; floorAreaM2: number | null }[];
  };
  const unit = page.items[index];
  if (!unit) throw new Error(`no storefront #${index} in ${cityId}`);
  return unit;
}
