import type { TFunction } from 'i18next';
import type { ControlPosition, IControl, Map as MapLibreMap } from 'maplibre-gl';

/** The ids of MapLibre's own UI strings (maplibre-gl src/ui/default_locale.ts). */
export type MapUiString = Parameters<MapLibreMap['_getUIString']>[0];

/**
 * MapLibre's UI strings that our maps show, in the UI language (WCAG 3.1.2): the zoom buttons' names,
 * the map's and a marker's default names, the attribution toggle. Passed as the map's `locale`; the
 * scale's units (m, km) read the same in both languages.
 */
export function mapLocale(t: TFunction): Partial<Record<MapUiString, string>> {
  return {
    'Map.Title': t('a11y.map.map'),
    'Marker.Title': t('a11y.map.marker'),
    'NavigationControl.ZoomIn': t('a11y.map.zoomIn'),
    'NavigationControl.ZoomOut': t('a11y.map.zoomOut'),
    'NavigationControl.ResetBearing': t('a11y.map.resetBearing'),
    'AttributionControl.ToggleAttribution': t('a11y.map.toggleAttribution'),
    'AttributionControl.MapFeedback': t('a11y.map.mapFeedback'),
    'Popup.Close': t('a11y.map.closePopup'),
  };
}

/** A control and the corner it sits in, as given to `map.addControl`. */
export type PlacedControl = [IControl, ControlPosition];

/**
 * Switches a map's UI strings to another language. MapLibre (6.x) takes its `locale` only in the
 * constructor and its controls read the strings when they are added, so the table is patched (the
 * same `_locale` the maplibre-ui-translations plugin switches) and the controls are added again, in
 * their order, which keeps the map, its view and its sources as they are.
 */
export function setMapLocale(
  map: MapLibreMap,
  locale: Partial<Record<MapUiString, string>>,
  controls: readonly PlacedControl[],
): void {
  map._locale = { ...map._locale, ...locale };
  for (const [control] of controls) map.removeControl(control);
  for (const [control, position] of controls) map.addControl(control, position);
}
