import type { Frame } from './report-map.repository.js';

/** Width : height of the map box on the printed page (180 mm × 120 mm). */
export const MAP_ASPECT = 3 / 2;

/**
 * The map frame around an extent (projected metres): a margin of 8 % of the larger side (at least
 * 40 m), then widened or heightened to the print box's aspect ratio, centred on the extent.
 */
export function frameAround(
  extent: { xmin: number; ymin: number; xmax: number; ymax: number },
  aspect = MAP_ASPECT,
): Frame {
  const w = extent.xmax - extent.xmin;
  const h = extent.ymax - extent.ymin;
  const margin = Math.max(40, 0.08 * Math.max(w, h));
  let width = w + 2 * margin;
  let height = h + 2 * margin;
  if (width / height < aspect) width = height * aspect;
  else height = width / aspect;
  const cx = (extent.xmin + extent.xmax) / 2;
  const cy = (extent.ymin + extent.ymax) / 2;
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    xmin: round(cx - width / 2),
    ymax: round(cy + height / 2),
    width: round(width),
    height: round(height),
  };
}
