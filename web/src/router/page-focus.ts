import { useEffect, useRef, type RefObject } from 'react';

/** How long a page may take to show its heading (lazy chunk, data) before focus stays on <main>. */
const HEADING_WAIT_MS = 10_000;

/** Whether an element is rendered (not inside content hidden with display: none); any browser. */
const isShown = (element: Element): boolean => element.getClientRects().length > 0;

/**
 * Whether focus may be moved to the new page: not when the page has put it somewhere inside <main>
 * on purpose (a panel's heading, a form); yes when it is on nothing, on <main> itself, outside <main>
 * (the navigation link that was clicked stays in the header) or on the previous page's content, which
 * React keeps hidden while the new page loads (the link clicked in it).
 */
function mayTakeFocus(main: HTMLElement): boolean {
  const active = document.activeElement;
  return (
    active === null ||
    active === document.body ||
    active === main ||
    !main.contains(active) ||
    !isShown(active)
  );
}

/**
 * Focuses the page's main heading (made focusable by script, tabindex -1). False when there is none
 * yet — or only the previous page's: while a lazy page loads, React keeps the old content hidden
 * (display: none) next to the fallback, and a hidden heading does not take focus.
 */
function focusHeading(main: HTMLElement): boolean {
  for (const heading of main.querySelectorAll<HTMLElement>('h1')) {
    if (!isShown(heading)) continue;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
    if (document.activeElement === heading) return true;
  }
  return false;
}

/**
 * Moves focus to the new page's <h1> after a client-side change of page (WCAG 2.4.3), the way
 * accessible single-page apps do: a screen reader then reads the new page's name, and Tab goes on from
 * the top of the new content instead of from a link that is gone. While the page is still loading,
 * <main> holds focus and the heading takes it when it appears — unless the user or the page has moved
 * focus meanwhile. Returns the clean-up (stop waiting).
 */
export function focusPage(main: HTMLElement): () => void {
  if (!mayTakeFocus(main)) return () => undefined;
  if (focusHeading(main)) return () => undefined;
  main.focus();
  const observer = new MutationObserver(() => {
    if (!mayTakeFocus(main) || focusHeading(main)) stop();
  });
  const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop(): void {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/**
 * Calls `focusPage` when the pathname changes — not on the first load (the browser starts at the
 * top of the document, where the skip link is) and not when only the query changes (filters, the
 * selected storefront, the report's date: the user stays where they are).
 */
export function usePageFocus(pathname: string, main: RefObject<HTMLElement | null>): void {
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname || !main.current) return undefined;
    shown.current = pathname;
    return focusPage(main.current);
  }, [pathname, main]);
}
