import type { OccupancyStatus } from '../../lib/domain';

/**
 * A storefront marker's shape. Colour alone must not tell the status (WCAG 1.4.1): councillors print
 * reports in black and white, and readers with a colour-vision deficiency confuse some of the
 * Okabe–Ito pairs. So each status has a silhouette of its own as well as its colour (colors.ts), the
 * same on the dashboard map (icons drawn from these paths), in its legend and swatches, and on the
 * printed report map.
 */
export type MarkerShape = 'circle' | 'triangle' | 'square' | 'diamond' | 'plus' | 'cross';

/**
 * Six silhouettes that stay apart at 10 px and in greyscale: round, three-cornered, four-cornered
 * upright and on its tip, and a cross upright and diagonal. Vacancy, the status the dashboard is
 * about, gets the only pointed one-axis shape (a warning triangle); demolished the crossed-out ✕.
 */
export const STATUS_SHAPES: Record<OccupancyStatus, MarkerShape> = {
  occupied: 'circle',
  vacant: 'triangle',
  temporary_use: 'square',
  under_renovation: 'diamond',
  not_lettable: 'plus',
  demolished: 'cross',
};

/** Arm half-thickness of the two crosses, as a share of the half size. */
const ARM = 0.32;
/** How far the crosses' arms reach, as a share of the half size. */
const ARM_END = 0.95;

/**
 * How far any shape reaches from its centre, as a share of the half size: the triangle's base
 * corners. Rings around a marker (outside the perimeter, selected) keep clear of it.
 */
export const MARKER_SHAPE_REACH = 1.29;

const round = (n: number): number => Math.round(n * 1000) / 1000;

function polygon(points: readonly (readonly [number, number])[], cx: number, cy: number, s: number): string {
  return `${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(cx + x * s)} ${round(cy + y * s)}`).join(' ')} Z`;
}

/** The twelve corners of an upright cross (+), in units of the half size. */
const PLUS: [number, number][] = [
  [-ARM, -ARM_END],
  [ARM, -ARM_END],
  [ARM, -ARM],
  [ARM_END, -ARM],
  [ARM_END, ARM],
  [ARM, ARM],
  [ARM, ARM_END],
  [-ARM, ARM_END],
  [-ARM, ARM],
  [-ARM_END, ARM],
  [-ARM_END, -ARM],
  [-ARM, -ARM],
];

const SQRT_HALF = Math.SQRT1_2;

/**
 * The SVG path (`d`) of a marker shape centred on (cx, cy) in a box of `size` × `size`. The shapes
 * have about the same area (2 ± 0.25 × (size/2)²), so no status looks heavier than another; only
 * the triangle's base corners reach out of the circle of diameter `size` (to 1.28 × size/2), none
 * out of the box. The outline is the caller's stroke.
 */
export function markerShapePath(shape: MarkerShape, cx: number, cy: number, size: number): string {
  const s = size / 2;
  switch (shape) {
    case 'circle': {
      const r = round(0.8 * s);
      return `M${round(cx - r)} ${round(cy)} A${r} ${r} 0 1 0 ${round(cx + r)} ${round(cy)} A${r} ${r} 0 1 0 ${round(cx - r)} ${round(cy)} Z`;
    }
    case 'triangle':
      return polygon(
        [
          [0, -0.95],
          [1, 0.8],
          [-1, 0.8],
        ],
        cx,
        cy,
        s,
      );
    case 'square':
      return polygon(
        [
          [-0.72, -0.72],
          [0.72, -0.72],
          [0.72, 0.72],
          [-0.72, 0.72],
        ],
        cx,
        cy,
        s,
      );
    case 'diamond':
      return polygon(
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
        ],
        cx,
        cy,
        s,
      );
    case 'plus':
      return polygon(PLUS, cx, cy, s);
    case 'cross':
      return polygon(
        PLUS.map(([x, y]) => [(x - y) * SQRT_HALF, (x + y) * SQRT_HALF] as const),
        cx,
        cy,
        s,
      );
  }
}
