import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { mapLocale, setMapLocale, type PlacedControl } from '../map-locale';

/**
 * Keeps a map's own texts in the UI language when it is switched (WCAG 3.1.2): MapLibre's control
 * strings (the map was created with `mapLocale` of the language then) and the canvas's accessible name.
 */
export function useMapLanguage(
  map: RefObject<MapLibreMap | null>,
  controls: RefObject<readonly PlacedControl[]>,
  label: string,
): void {
  const { t, i18n } = useTranslation();
  const applied = useRef(i18n.language);
  useEffect(() => {
    const current = map.current;
    if (!current || applied.current === i18n.language) return;
    applied.current = i18n.language;
    setMapLocale(current, mapLocale(t), controls.current);
  }, [i18n.language, t, map, controls]);
  useEffect(() => {
    map.current?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);
}
