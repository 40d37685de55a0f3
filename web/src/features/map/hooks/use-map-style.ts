import { useEffect, useState } from 'react';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

export interface ResolvedBasemap {
  /** The street basemap's style, or null for the built-in offline style. */
  style: StyleSpecification | null;
  ready: boolean;
}

/**
 * Loads the configured basemap style; if there is none, or it does not answer within a few
 * seconds (offline installation), the built-in style is used so the map is never blank.
 */
export function useBasemap(url: string | null | undefined, configLoaded: boolean): ResolvedBasemap {
  const [state, setState] = useState<ResolvedBasemap & { url: string | null }>({
    style: null,
    ready: false,
    url: null,
  });
  useEffect(() => {
    if (!configLoaded || !url) return undefined;
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), 4000);
    fetch(url, { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const style = (await res.json()) as StyleSpecification;
        if (style.version !== 8 || !Array.isArray(style.layers)) throw new Error('not a style');
        setState({ style, ready: true, url });
      })
      .catch(() => setState({ style: null, ready: true, url }))
      .finally(() => window.clearTimeout(timer));
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [url, configLoaded]);
  if (!configLoaded) return { style: null, ready: false };
  // No basemap configured: the built-in style, at once. A configured one is ready once loaded (or failed).
  if (!url) return { style: null, ready: true };
  return state.url === url ? { style: state.style, ready: state.ready } : { style: null, ready: false };
}
