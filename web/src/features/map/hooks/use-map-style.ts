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
  const [state, setState] = useState<ResolvedBasemap>({ style: null, ready: false });
  useEffect(() => {
    if (!configLoaded) return undefined;
    if (!url) {
      setState({ style: null, ready: true });
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), 4000);
    fetch(url, { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const style = (await res.json()) as StyleSpecification;
        if (style.version !== 8 || !Array.isArray(style.layers)) throw new Error('not a style');
        setState({ style, ready: true });
      })
      .catch(() => setState({ style: null, ready: true }))
      .finally(() => window.clearTimeout(timer));
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [url, configLoaded]);
  return state;
}
