import type { Map as MapLibreMap } from 'maplibre-gl';
import { OCCUPANCY_STATUSES, type OccupancyStatus } from '../../lib/domain';
import { MARKER_OUTLINE, STATUS_COLORS } from './colors';
import { markerShapePath, STATUS_SHAPES, type MarkerShape } from './marker-shapes';

/**
 * The dashboard map's storefront icons: each status's shape (marker-shapes.ts) filled with its
 * colour and outlined dark, drawn on a canvas and registered with the map, since MapLibre's
 * circle layers cannot draw shapes. The offline style has no sprite, so the icons are generated.
 */

/** The icon's box in CSS pixels at `icon-size` 1; drawn at twice that, so it stays sharp up to 1. */
export const MARKER_ICON_BOX = 32;
export const MARKER_ICON_PIXEL_RATIO = 2;
/** The shape's size inside the box: the rest is room for the outline and the triangle's corners. */
export const MARKER_SHAPE_SIZE = 26;
/** The outline at `icon-size` 1 (≈ 1 px at zoom 13, 2.6 px at 19: map-style.ts markerIconSize). */
const OUTLINE_WIDTH = 2.6;

const ICON_PREFIX = 'storefront-';
/** A status the dashboard does not know (newer API): a grey circle, as the circles had. */
export const UNKNOWN_STATUS_ICON = `${ICON_PREFIX}unknown`;
const UNKNOWN_STATUS_COLOR = '#777777';

export const markerIconId = (status: OccupancyStatus): string => `${ICON_PREFIX}${status}`;

export interface MarkerIcon {
  shape: MarkerShape;
  fill: string;
  outline: string;
  /** In CSS pixels at `icon-size` 1. */
  outlineWidth: number;
}

/** What an icon id draws, or null when the id is not one of ours (a basemap's sprite image). */
export function markerIcon(id: string): MarkerIcon | null {
  const outline = { outline: MARKER_OUTLINE, outlineWidth: OUTLINE_WIDTH };
  if (id === UNKNOWN_STATUS_ICON) return { shape: 'circle', fill: UNKNOWN_STATUS_COLOR, ...outline };
  const status = OCCUPANCY_STATUSES.find((s) => markerIconId(s) === id);
  return status ? { shape: STATUS_SHAPES[status], fill: STATUS_COLORS[status], ...outline } : null;
}

function drawIcon({ shape, fill, outline, outlineWidth }: MarkerIcon): ImageData {
  const side = MARKER_ICON_BOX * MARKER_ICON_PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d')!;
  context.scale(MARKER_ICON_PIXEL_RATIO, MARKER_ICON_PIXEL_RATIO);
  const centre = MARKER_ICON_BOX / 2;
  const path = new Path2D(markerShapePath(shape, centre, centre, MARKER_SHAPE_SIZE));
  context.fillStyle = fill;
  context.fill(path);
  context.strokeStyle = outline;
  context.lineWidth = outlineWidth;
  // Round joins: the outline reaches half its width beyond a corner, never more (a mitred 60° corner
  // would reach a whole width beyond the triangle's, into the rings around markers).
  context.lineJoin = 'round';
  context.stroke(path);
  return context.getImageData(0, 0, side, side);
}

/**
 * Lets the map draw the storefront icons whenever a style asks for one it lacks: at the first load
 * and after any style change (a basemap's own images replace the style's). MapLibre 6 asks this
 * resolver before it gives up on an image; a `styleimagemissing` listener comes too late there
 * (it "cannot resolve the missing image for the current request"), so the first tiles would lack
 * their markers.
 */
export function provideMarkerIcons(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    const icon = markerIcon(id);
    if (icon && !map.hasImage(id)) map.addImage(id, drawIcon(icon), { pixelRatio: MARKER_ICON_PIXEL_RATIO });
  });
}
