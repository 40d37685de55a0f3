import { MARKER_OUTLINE, STATUS_COLORS } from '../features/map/colors';
import { markerShapePath, STATUS_SHAPES } from '../features/map/marker-shapes';
import type { OccupancyStatus } from '../lib/domain';

/** The swatch's drawing box; the shape leaves room for its outline. */
const BOX = 16;
const SHAPE_SIZE = 12.5;

/**
 * A status's map marker — its shape and colour with the dark outline — beside the status's name,
 * which stays the accessible name: the drawing is hidden from assistive technology. Inline SVG, so
 * it prints even where the browser drops background colours, and the shape tells the status in
 * black and white too (WCAG 1.4.1).
 */
export function StatusSwatch({ status }: { status: OccupancyStatus }) {
  const shape = STATUS_SHAPES[status];
  return (
    <svg
      className="status-swatch"
      width={BOX}
      height={BOX}
      viewBox={`0 0 ${BOX} ${BOX}`}
      aria-hidden="true"
      focusable="false"
      data-status={status}
      data-shape={shape}
    >
      <path
        d={markerShapePath(shape, BOX / 2, BOX / 2, SHAPE_SIZE)}
        fill={STATUS_COLORS[status]}
        stroke={MARKER_OUTLINE}
        strokeWidth={1.3}
        strokeLinejoin="round"
      />
    </svg>
  );
}
