/**
 * Only paths of this site are followed after sign-in (no open redirect). The address is resolved as
 * the browser would — which drops tabs and line breaks and reads `\` as `/`, so `/\t/evil.example` is
 * another host — and only its path, query and fragment are kept, and only when it stays on this origin.
 */
export function safeReturnPath(raw: string | null, origin = window.location.origin): string {
  if (!raw?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  // `/.//host` resolves on this origin to the path `//host`: a link to another host again.
  if (url.origin !== origin || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
