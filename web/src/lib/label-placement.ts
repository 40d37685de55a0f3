/**
 * Where to put the name next to each point of a scatter chart so that no two names overlap and none
 * covers a point or leaves the plot: each point in turn (the caller's order is the priority) takes the
 * first free position of right, left, above, below, then the four corners (above right, below right,
 * above left, below left), each shifted inside the plot at its edges. The corners come last so that a
 * name sits level with its point where it can; on a narrow plot they label points whose four sides
 * are taken (the cartographers' eight positions, after Imhof). A point with no free position gets no
 * label — its name stays in the tooltip and the table beside the chart — unless it is `required` (the
 * viewer's own town): required points are placed before all others and, with no free position, take
 * the one that covers the fewest points.
 */
export interface LabelAnchor {
  /** The point's centre, px. */
  x: number;
  y: number;
  /** The label's width, px. */
  width: number;
  /** This point's radius where it is drawn larger than the others, px (default: the layout's). */
  radius?: number;
  /** Labelled even where there is no free position (see above). */
  required?: boolean;
}

export interface LabelLayout {
  /** Label height (one line), point radius and the gap between point and label, px. */
  height: number;
  radius: number;
  gap: number;
  /** The area labels must stay inside (the plot area), px. */
  bounds: Box;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type LabelSide =
  'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left';

/** A placed label: its box, and the side of the point it is on (for the text's anchor). */
export interface PlacedLabel extends Box {
  side: LabelSide;
}

const SIDES: readonly LabelSide[] = [
  'right',
  'left',
  'above',
  'below',
  'above-right',
  'below-right',
  'above-left',
  'below-left',
];

export function placeLabels(anchors: readonly LabelAnchor[], layout: LabelLayout): (PlacedLabel | null)[] {
  const taken: Box[] = anchors.map((a) => pointBox(a, layout));
  const placed: (PlacedLabel | null)[] = anchors.map(() => null);
  const order = anchors.map((_, i) => i);
  const inPlacingOrder = [
    ...order.filter((i) => anchors[i]!.required),
    ...order.filter((i) => !anchors[i]!.required),
  ];
  for (const i of inPlacingOrder) {
    const anchor = anchors[i]!;
    const candidates = SIDES.map((side) => ({
      ...clamp(labelBox(anchor, side, layout), layout.bounds),
      side,
    }));
    const free = candidates.find((box) => !taken.some((t) => overlaps(box, t)));
    const label =
      free ?? (anchor.required ? leastCovering(candidates, taken, pointBox(anchor, layout)) : null);
    if (label) {
      taken.push(label);
      placed[i] = label;
    }
  }
  return placed;
}

function pointBox(a: LabelAnchor, layout: LabelLayout): Box {
  const r = a.radius ?? layout.radius;
  return { x: a.x - r, y: a.y - r, width: 2 * r, height: 2 * r };
}

/** The candidate over the fewest taken boxes, never over its own point (the first such on a tie). */
function leastCovering(candidates: PlacedLabel[], taken: readonly Box[], own: Box): PlacedLabel | null {
  let best: PlacedLabel | null = null;
  let fewest = Infinity;
  for (const box of candidates) {
    if (overlaps(box, own)) continue;
    const covered = taken.filter((t) => overlaps(box, t)).length;
    if (covered < fewest) [best, fewest] = [box, covered];
  }
  return best;
}

function labelBox(a: LabelAnchor, side: LabelSide, layout: LabelLayout): Box {
  const { height, gap } = layout;
  const offset = (a.radius ?? layout.radius) + gap;
  const { width } = a;
  const x = {
    centre: a.x - width / 2,
    right: a.x + offset,
    left: a.x - offset - width,
  };
  const y = { level: a.y - height / 2, above: a.y - offset - height, below: a.y + offset };
  switch (side) {
    case 'right':
      return { x: x.right, y: y.level, width, height };
    case 'left':
      return { x: x.left, y: y.level, width, height };
    case 'above':
      return { x: x.centre, y: y.above, width, height };
    case 'below':
      return { x: x.centre, y: y.below, width, height };
    case 'above-right':
      return { x: x.right, y: y.above, width, height };
    case 'below-right':
      return { x: x.right, y: y.below, width, height };
    case 'above-left':
      return { x: x.left, y: y.above, width, height };
    case 'below-left':
      return { x: x.left, y: y.below, width, height };
  }
}

/**
 * The box moved just inside the area (a point at the plot's edge keeps its label beside it, shifted a
 * little); moved onto its own point, it overlaps that point and the next side is tried.
 */
const clamp = (b: Box, area: Box): Box => ({
  ...b,
  x: Math.max(area.x, Math.min(b.x, area.x + area.width - b.width)),
  y: Math.max(area.y, Math.min(b.y, area.y + area.height - b.height)),
});

/** Whether two boxes share any area (touching edges do not). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
