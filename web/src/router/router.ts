import { useCallback, useSyncExternalStore } from 'react';
import { confirmDiscard } from '../ui/unsaved-changes';

/**
 * A small history router: the dashboard has a handful of routes and its state lives in the query
 * string, so URLSearchParams and the History API are enough (no router dependency).
 */
export type Route =
  | { name: 'home' }
  | { name: 'town'; slug: string }
  | { name: 'network'; slug: string }
  | { name: 'signIn' }
  | { name: 'adminUsers' }
  | { name: 'changePassword' }
  | { name: 'benchmark' }
  | { name: 'knowledgeBase' }
  | { name: 'kpiDefinitions' }
  | { name: 'import' }
  | { name: 'walk' }
  | { name: 'townReport'; slug: string }
  | { name: 'networkReport'; slug: string }
  | { name: 'notFound' };

/** German paths for the pages without a parameter. */
const STATIC_ROUTES: Record<string, Route> = {
  '/anmelden': { name: 'signIn' },
  '/admin/benutzer': { name: 'adminUsers' },
  '/konto/passwort': { name: 'changePassword' },
  '/vergleich': { name: 'benchmark' },
  '/massnahmen': { name: 'knowledgeBase' },
  '/kennzahlen': { name: 'kpiDefinitions' },
  '/daten/import': { name: 'import' },
  '/begehung': { name: 'walk' },
};

/** The town page's address: German like every other page's (`/stadt/muehlhausen`). */
export const townPath = (slug: string): string => `/stadt/${slug}`;
/** The network page's address (`/netzwerk/innenstaedte-erfolgreich-machen`). */
export const networkPath = (slug: string): string => `/netzwerk/${slug}`;

/**
 * The German address of a page first published under an English one (`/towns/…`, `/networks/…`):
 * bookmarks and shared links stay valid, and the address bar then shows the German one (query and
 * hash kept). Null for any other address.
 */
export function canonicalAddress(address: string): string | null {
  const url = new URL(address, 'http://x');
  const old = /^\/(towns|networks)\/([a-z0-9-]+)\/?$/.exec(url.pathname);
  if (!old) return null;
  const path = old[1] === 'towns' ? townPath(old[2]!) : networkPath(old[2]!);
  return `${path}${url.search}${url.hash}`;
}

/** Replaces an English address in the address bar by its German one (no new history entry). */
function showCanonicalAddress(): void {
  const canonical = canonicalAddress(
    window.location.pathname + window.location.search + window.location.hash,
  );
  if (canonical !== null) window.history.replaceState(window.history.state, '', canonical);
}

const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());
/**
 * Back and Forward with unsaved input (ui/unsaved-changes): a step that removes forms asks first, and a
 * declined step returns to the address shown. Every entry this router writes carries its position, so
 * the return is exact (`history.go`), however many entries the step skipped.
 */
const positionOf = (state: unknown): number | undefined => {
  const position = (state as { position?: unknown } | null)?.position;
  return typeof position === 'number' ? position : undefined;
};
const fromOf = (state: unknown): string | undefined => {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' ? from : undefined;
};
if (positionOf(window.history.state) === undefined) window.history.replaceState({ position: 0 }, '');
showCanonicalAddress(); // a bookmark of an English address
let shownPosition = positionOf(window.history.state) ?? 0;
let shownAddress = new URL(window.location.href);
let returning = false;
/** A step back this router took itself (`returnTo`): nothing to ask. */
let steppingBack = false;

/** Whether the forms on screen go away: another page, or another unit's panel (the dashboard's `selected`). */
const removesForms = (from: URL, to: URL): boolean =>
  from.pathname !== to.pathname || from.searchParams.get('selected') !== to.searchParams.get('selected');

window.addEventListener('popstate', (event) => {
  if (returning) {
    returning = false; // the return after a declined step: nothing to ask, nothing changed
    return;
  }
  const address = new URL(window.location.href);
  const position = positionOf(event.state);
  const asked = steppingBack;
  steppingBack = false;
  if (!asked && removesForms(shownAddress, address) && !confirmDiscard()) {
    if (position === undefined) {
      window.history.pushState({ position: shownPosition }, '', shownAddress);
    } else {
      returning = true;
      window.history.go(shownPosition - position);
    }
    return;
  }
  showCanonicalAddress(); // an entry written before the German addresses
  shownAddress = new URL(window.location.href);
  shownPosition = position ?? shownPosition;
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const fixed = STATIC_ROUTES[pathname.replace(/\/$/, '')];
  if (fixed) return fixed;
  // the English paths too: the page shows at once, the address bar is set to the German one
  const town = /^\/(?:stadt|towns)\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (town) return { name: 'town', slug: town[1]! };
  const network = /^\/(?:netzwerk|networks)\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (network) return { name: 'network', slug: network[1]! };
  // Council reports: stable German links, date and language in the query (?stichtag=…&lang=…).
  const townReport = /^\/berichte\/stadt\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (townReport) return { name: 'townReport', slug: townReport[1]! };
  const networkReport = /^\/berichte\/netzwerk\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (networkReport) return { name: 'networkReport', slug: networkReport[1]! };
  return { name: 'notFound' };
}

/** Goes to `to`; another page first asks whether typed, unsaved input may be lost (ui/unsaved-changes). */
export function navigate(address: string, options: { replace?: boolean } = {}): void {
  const to = canonicalAddress(address) ?? address;
  const page = new URL(to, window.location.href).pathname;
  if (page !== window.location.pathname && !confirmDiscard()) return;
  const position = options.replace ? shownPosition : shownPosition + 1;
  // `from`: the address this entry was pushed from (a replaced entry keeps it), for `returnTo`.
  if (options.replace) window.history.replaceState({ position, from: fromOf(window.history.state) }, '', to);
  else window.history.pushState({ position, from: shownAddress.href }, '', to);
  shownAddress = new URL(window.location.href);
  shownPosition = position;
  notify();
}

/** The same page and query parameters, whatever their order. */
function sameAddress(a: URL, b: URL): boolean {
  const sorted = (u: URL) => {
    const q = new URLSearchParams(u.searchParams);
    q.sort();
    return `${u.pathname}?${q.toString()}`;
  };
  return sorted(a) === sorted(b);
}

/**
 * Shows `to` by stepping back when the entry before this one is `to` (the entry this router came from),
 * else by replacing this entry. After a unit is deleted its entry goes away: Back then leads to the
 * page before, not to the same view again. No question: the forms on screen have done their work.
 */
export function returnTo(to: string): void {
  const from = fromOf(window.history.state);
  const target = new URL(to, window.location.href);
  if (from !== undefined && sameAddress(new URL(from), target)) {
    steppingBack = true;
    window.history.back();
  } else {
    navigate(to, { replace: true });
  }
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** Replaces the query string (no new history entry unless `push`). */
export function useSetSearch(): (search: string, push?: boolean) => void {
  return useCallback((search: string, push = false) => {
    const to = `${window.location.pathname}${search ? `?${search}` : ''}`;
    navigate(to, { replace: !push });
  }, []);
}

/**
 * One query parameter as page state ('' when absent): a filtered page can be shared and reloaded.
 * Setting '' removes it; the history entry is replaced, not added — unless `push` (a submitted search:
 * Back returns to the one before).
 */
export function useQueryParam(name: string, { push = false } = {}): [string, (value: string) => void] {
  const search = useSearch();
  const setSearch = useSetSearch();
  const value = new URLSearchParams(search).get(name) ?? '';
  const set = useCallback(
    (next: string) => {
      const q = new URLSearchParams(window.location.search);
      if (next) q.set(name, next);
      else q.delete(name);
      // The same search again adds no entry (Back would seem to do nothing).
      setSearch(q.toString(), push && next !== (new URLSearchParams(window.location.search).get(name) ?? ''));
    },
    [name, setSearch, push],
  );
  return [value, set];
}

/** Click handler for in-app links: keeps modifier-clicks (new tab) working. */
export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
