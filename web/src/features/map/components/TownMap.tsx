import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapLanguage } from '../hooks/use-map-language';
import { mapLocale, type PlacedControl } from '../map-locale';
import { provideMarkerIcons } from '../marker-icons';
import type { CityDetail, LonLat } from '../../../lib/domain';
import {
  builtInStyle,
  buildOverlay,
  HEATMAP_LAYERS,
  OSM_ATTRIBUTION,
  SELECTED_LAYER,
  STOREFRONT_LAYER,
  usesOsm,
  withBasemap,
} from '../map-style';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The current map, for browser tests (queryRenderedFeatures). */
    __schaufensterMap?: maplibregl.Map;
  }
}

export interface HoveredStorefront {
  id: string;
  status: string;
  street: string;
  houseNumber: string;
}

export interface TownMapProps {
  city: CityDetail;
  tileUrl: string;
  heatmap: boolean;
  basemap: StyleSpecification | null;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** While placing a storefront: the marker position (null = not placed yet) and where it moves. */
  pick: { position: LonLat | null; onChange: (position: LonLat) => void } | null;
  label: string;
  describeHover: (hovered: HoveredStorefront) => string;
}

/** Owns one MapLibre map: creates it on mount, removes it on unmount; props update sources and layers. */
export function TownMap(props: TownMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const [tooltip, setTooltip] = useState<{ id: string; x: number; y: number; text: string } | null>(null);
  // The hover text is dismissible, hoverable and persistent (WCAG 1.4.13): Escape hides it until the
  // pointer leaves that unit, and it stays a moment after the pointer leaves the unit, long enough to
  // move onto it (it stays while the pointer is on it).
  const hideTooltip = useRef<number | undefined>(undefined);
  const dismissedId = useRef<string | null>(null);
  const instructionsId = useId();
  const { t } = useTranslation();
  const initialT = useRef(t);
  const controls = useRef<readonly PlacedControl[]>([]);
  useMapLanguage(mapRef, controls, props.label);

  useEffect(() => {
    const { city, tileUrl, heatmap, basemap } = latest.current;
    const overlay = buildOverlay(tileUrl, city, heatmap);
    const style = basemap ? withBasemap(basemap, overlay) : builtInStyle(overlay);
    const bounds = city.perimeter ? bboxOf(city.perimeter.coordinates.flat(2)) : city.bbox;
    const map = new maplibregl.Map({
      container: container.current!,
      style,
      ...(bounds
        ? {
            bounds: bounds,
            fitBoundsOptions: { padding: 40, maxZoom: 17 },
          }
        : { center: city.centre.coordinates, zoom: 15 }),
      // The controls are ours (not the constructor's), so a language switch can add them again.
      attributionControl: false,
      locale: mapLocale(initialT.current),
      maxZoom: 20,
    });
    provideMarkerIcons(map); // the storefront layer's icons, for this style and any later one
    controls.current = [
      [new maplibregl.NavigationControl({ showCompass: false }), 'top-right'],
      [new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left'],
      [
        new maplibregl.AttributionControl({
          compact: false,
          ...(basemap && usesOsm(basemap) ? { customAttribution: OSM_ATTRIBUTION } : {}),
        }),
        'bottom-right',
      ],
    ];
    for (const [control, corner] of controls.current) map.addControl(control, corner);
    map.getCanvas().setAttribute('aria-label', latest.current.label);
    map.getCanvas().setAttribute('aria-describedby', instructionsId); // how to use it, and the list view
    map.on('mousemove', STOREFRONT_LAYER, (e) => {
      const f = e.features?.[0];
      if (!f) return;
      map.getCanvas().style.cursor = 'pointer';
      const p = f.properties as Record<string, string>;
      if (p.id === dismissedId.current) return;
      window.clearTimeout(hideTooltip.current);
      const text = latest.current.describeHover({
        id: p.id ?? '',
        status: p.status ?? '',
        street: p.street ?? '',
        houseNumber: p.house_number ?? '',
      });
      setTooltip({ id: p.id ?? '', x: e.point.x, y: e.point.y, text });
    });
    map.on('mouseleave', STOREFRONT_LAYER, () => {
      map.getCanvas().style.cursor = '';
      dismissedId.current = null;
      window.clearTimeout(hideTooltip.current);
      hideTooltip.current = window.setTimeout(() => setTooltip(null), TOOLTIP_GRACE_MS);
    });
    map.on('click', (e) => {
      const pick = latest.current.pick;
      if (pick) {
        pick.onChange([e.lngLat.lng, e.lngLat.lat]);
        return;
      }
      const [feature] = map.queryRenderedFeatures(e.point, { layers: [STOREFRONT_LAYER] });
      const id = feature?.properties?.id as string | undefined;
      if (id) latest.current.onSelect(id);
    });
    mapRef.current = map;
    window.__schaufensterMap = map;
    return () => {
      window.clearTimeout(hideTooltip.current);
      mapRef.current = null;
      if (window.__schaufensterMap === map) delete window.__schaufensterMap;
      map.remove();
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- instructionsId is stable

  const tooltipId = tooltip?.id;
  useEffect(() => {
    if (tooltipId === undefined) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      dismissedId.current = tooltipId;
      setTooltip(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tooltipId]);

  useEffect(() => {
    const map = mapRef.current;
    const source = map?.getSource<maplibregl.VectorTileSource>('storefronts');
    source?.setTiles([props.tileUrl]);
  }, [props.tileUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = (): void => {
      for (const id of HEATMAP_LAYERS)
        map.setLayoutProperty(id, 'visibility', props.heatmap ? 'visible' : 'none');
      map.setFilter(SELECTED_LAYER, ['==', ['get', 'id'], props.selectedId ?? '']);
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [props.heatmap, props.selectedId]);

  const position = props.pick?.position ?? null;
  const picking = props.pick !== null;
  const marker = useRef<maplibregl.Marker | null>(null);
  const markerLabel = t('a11y.map.positionMarker');
  const markerLabelRef = useRef(markerLabel);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !position) return undefined;
    const placed = new maplibregl.Marker({ draggable: true, color: '#1f3a5f' })
      .setLngLat(position)
      .addTo(map);
    placed.getElement().setAttribute('aria-label', markerLabelRef.current);
    placed.on('dragend', () => {
      const { lng, lat } = placed.getLngLat();
      latest.current.pick?.onChange([lng, lat]);
    });
    marker.current = placed;
    return () => {
      marker.current = null;
      placed.remove();
    };
  }, [position?.[0], position?.[1]]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    markerLabelRef.current = markerLabel; // the marker's name follows the UI language
    marker.current?.getElement().setAttribute('aria-label', markerLabel);
  }, [markerLabel]);

  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (canvas) canvas.style.cursor = picking ? 'crosshair' : '';
  }, [picking]);

  return (
    <div className="town-map">
      <div ref={container} className="town-map__canvas" data-testid="town-map" />
      <p id={instructionsId} className="visually-hidden">
        {t('a11y.map.instructions')}
      </p>
      {picking && (
        // Without a mouse: move the map with the arrow keys (the map has focus), then set the position here.
        <>
          <div className="town-map__crosshair" aria-hidden="true" />
          <button
            type="button"
            className="button town-map__centre"
            data-testid="use-map-centre"
            onClick={() => {
              const centre = mapRef.current?.getCenter();
              if (centre) props.pick?.onChange([centre.lng, centre.lat]);
            }}
          >
            {t('form.useMapCentre')}
          </button>
        </>
      )}
      {tooltip && (
        <div
          className="map-tooltip"
          role="status"
          style={{ left: tooltip.x + 12, top: tooltip.y + 12 }}
          onMouseEnter={() => window.clearTimeout(hideTooltip.current)}
          onMouseLeave={() => setTooltip(null)}
        >
          {tooltip.text}
        </div>
      )}
    </div>
  );
}

/** How long the hover text stays after the pointer left the unit: time to move onto it. */
const TOOLTIP_GRACE_MS = 400;

function bboxOf(points: LonLat[]): [number, number, number, number] | null {
  if (points.length === 0) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
