import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { widestLabel } from '../../../lib/chart-labels';
import { useMapLanguage } from '../../map/hooks/use-map-language';
import { mapLocale, type PlacedControl } from '../../map/map-locale';
import { BACKGROUND_COLOR, BKG_ATTRIBUTION } from '../../map/map-style';

maplibregl.setWorkerUrl(workerUrl);

export interface TownSymbol {
  slug: string;
  name: string;
  centre: [number, number];
  units: number;
  color: string;
}

/** All towns of a network: a circle per town, sized by units and coloured by vacancy rate. */
export function NetworkMap({
  towns,
  label,
  onOpen,
}: {
  towns: TownSymbol[];
  label: string;
  onOpen: (slug: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const onOpenRef = useRef(onOpen);
  // The towns as last rendered: drawn at the map's load (whichever came last), and at every change after.
  const townsRef = useRef(towns);
  const loaded = useRef(false);
  useLayoutEffect(() => {
    onOpenRef.current = onOpen;
    townsRef.current = towns;
  });
  const { t } = useTranslation();
  const initialT = useRef(t);
  const controls = useRef<readonly PlacedControl[]>([]);
  useMapLanguage(mapRef, controls, label);

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: {
        version: 8,
        sources: {
          towns: {
            type: 'geojson',
            data: { type: 'FeatureCollection', features: [] },
            attribution: BKG_ATTRIBUTION,
          },
          boundaries: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
        },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
          {
            id: 'boundaries',
            type: 'fill',
            source: 'boundaries',
            paint: { 'fill-color': '#e2ddd0', 'fill-outline-color': '#8a847a' },
          },
          {
            id: 'towns',
            type: 'circle',
            source: 'towns',
            paint: {
              'circle-color': ['get', 'color'],
              'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'units']], 0, 5, 30, 40], // radiusOf
              'circle-stroke-color': '#333333',
              'circle-stroke-width': 1.5,
            },
          },
        ],
      },
      center: [10.4, 51.1],
      zoom: 6,
      // The control is ours (not the constructor's), so a language switch can add it again.
      attributionControl: false,
      locale: mapLocale(initialT.current),
    });
    controls.current = [[new maplibregl.AttributionControl({ compact: false }), 'bottom-right']];
    for (const [control, corner] of controls.current) map.addControl(control, corner);
    map.getCanvas().setAttribute('aria-label', label);
    map.on('click', 'towns', (e) => {
      const slug = e.features?.[0]?.properties?.slug as string | undefined;
      if (slug) onOpenRef.current(slug);
    });
    map.on('mouseenter', 'towns', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'towns', () => (map.getCanvas().style.cursor = ''));
    map.once('load', () => {
      loaded.current = true;
      drawTowns(map, townsRef.current);
    });
    mapRef.current = map;
    window.__schaufensterMap = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Not isStyleLoaded(): it is false again while a GeoJSON source takes new data, and a 'load' waited
  // for then never came — the first colours (grey while the rates loaded) stayed on the map.
  useEffect(() => {
    const map = mapRef.current;
    if (map && loaded.current) drawTowns(map, towns);
  }, [towns]);

  return <div ref={container} className="town-map__canvas network-map" data-testid="network-map" />;
}

/** A town's circle radius in pixels: as the layer's `circle-radius` (5 px, + 35 px at 30² units). */
const radiusOf = (units: number): number => Math.min(40, 5 + (Math.sqrt(Math.max(0, units)) * 35) / 30);

/** Around the towns in the frame (px); the names' font size (px, .network-map__label: 0.8rem). */
const PADDING = 60;
const LABEL_FONT_PX = 12.8;

/** The towns' names beside their circles (the offline style has no fonts for map labels). */
const labels = new WeakMap<maplibregl.Map, maplibregl.Marker[]>();

function drawTowns(map: maplibregl.Map, towns: TownSymbol[]): void {
  if (towns.length === 0) return;
  for (const marker of labels.get(map) ?? []) marker.remove();
  labels.set(
    map,
    towns.map((t) => {
      const element = document.createElement('span');
      element.className = 'network-map__label';
      element.textContent = t.name;
      element.setAttribute('aria-hidden', 'true'); // the table below the map names them for everyone
      return new maplibregl.Marker({ element, anchor: 'left', offset: [radiusOf(t.units) + 3, 0] })
        .setLngLat(t.centre)
        .addTo(map);
    }),
  );
  void map.getSource<maplibregl.GeoJSONSource>('towns')?.setData({
    type: 'FeatureCollection',
    features: towns.map((t) => ({
      type: 'Feature',
      properties: { slug: t.slug, name: t.name, units: t.units, color: t.color },
      geometry: { type: 'Point', coordinates: t.centre },
    })),
  });
  const bounds = new maplibregl.LngLatBounds();
  towns.forEach((t) => bounds.extend(t.centre));
  // Names stand right of their circles: the easternmost town's must fit inside the frame („Apol…“ had
  // been cut at the right edge). Room on the right for the longest name beside the largest circle, at
  // most half the map (fitBounds cannot pad more than the map is wide).
  const labelRoom = Math.max(
    ...towns.map((t) => radiusOf(t.units) + 3 + widestLabel([t.name], LABEL_FONT_PX, 'bold') + 8),
  );
  const right = Math.max(PADDING, Math.min(labelRoom, map.getContainer().clientWidth / 2 - PADDING));
  map.fitBounds(bounds, {
    padding: { top: PADDING, bottom: PADDING, left: PADDING, right },
    maxZoom: 10,
    duration: 0,
  });
}
