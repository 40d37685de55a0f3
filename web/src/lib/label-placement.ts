/**
 * Where to put the name next to each point of a scatter chart so that no two names overlap and none
 * covers a point or leaves the plot: each point in turn (the caller's order is the priority) takes the
 * first free position of right, left, above, below, then the four corners (above right, below right,
 * above left, below left), each shifted inside the plot at its edges. The corners come last so that a
 * name sits level with its point where it can; on a narrow plot they label points whose four sides
 * are taken (the cartographers' eight positions, after Imhof). A point with no free position gets no
 * label — its name stays in the tooltip and the table beside the chart — unless it is `required` (the
 * viewer's own town): required points are placed before all others and, with no free position beside
 * them, are labelled a little farther out, joined to their point by a leader line (as callouts in
 * print); only with no free place there either does the label take the place beside its point that
 * covers the fewest points.
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
  /** Set where the label stands away from its point: draw a line from the point to it (leaderLine). */
  leader?: true;
}

/** How far out a required label is tried, in label heights beyond the place beside its point. */
const LEADER_STEPS = 4;

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
  const isFree = (box: Box): boolean => !taken.some((t) => overlaps(box, t));
  for (const i of inPlacingOrder) {
    const anchor = anchors[i]!;
    const beside = candidatesAt(anchor, layout, 0);
    let label = beside.find(isFree) ?? null;
    if (!label && anchor.required) {
      const others = taken.filter((t) => t !== taken[i]);
      label =
        placeAway(anchor, layout, isFree, others) ?? leastCovering(beside, taken, pointBox(anchor, layout));
    }
    if (label) {
      taken.push(label);
      placed[i] = label;
    }
  }
  return placed;
}

/**
 * A free place farther out, nearest first, for a label with a leader line; one whose line crosses no
 * other point or label where there is such a place (else the line would seem to lead to that point).
 */
function placeAway(
  anchor: LabelAnchor,
  layout: LabelLayout,
  isFree: (box: Box) => boolean,
  others: readonly Box[],
): PlacedLabel | null {
  const radius = anchor.radius ?? layout.radius;
  const free = Array.from({ length: LEADER_STEPS }, (_, step) =>
    candidatesAt(anchor, layout, (step + 1) * layout.height),
  )
    .flat()
    .filter(isFree);
  const unobstructed = free.find(
    (box) => !others.some((other) => crosses(leaderLine(anchor, box, radius), other)),
  );
  const away = unobstructed ?? free[0];
  return away ? { ...away, leader: true } : null;
}

/** Whether a line segment passes through a box's inside (Liang–Barsky clipping). */
export function crosses(line: { x1: number; y1: number; x2: number; y2: number }, box: Box): boolean {
  const dx = line.x2 - line.x1;
  const dy = line.y2 - line.y1;
  let from = 0;
  let to = 1;
  const edges: [number, number][] = [
    [-dx, line.x1 - box.x],
    [dx, box.x + box.width - line.x1],
    [-dy, line.y1 - box.y],
    [dy, box.y + box.height - line.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false; // parallel to this edge and outside it (or on it)
    } else if (p < 0) {
      from = Math.max(from, q / p);
    } else {
      to = Math.min(to, q / p);
    }
  }
  return from < to;
}

/** The eight places for the label, `extra` px farther from the point than beside it, in the plot. */
function candidatesAt(anchor: LabelAnchor, layout: LabelLayout, extra: number): PlacedLabel[] {
  return SIDES.map((side) => ({ ...clamp(labelBox(anchor, side, layout, extra), layout.bounds), side }));
}

/**
 * The leader line of a label standing away from its point: from the edge of the point's circle
 * (`radius` around its centre) to the nearest point of the label's box.
 */
export function leaderLine(
  centre: { x: number; y: number },
  label: Box,
  radius: number,
): { x1: number; y1: number; x2: number; y2: number } {
  const x2 = Math.max(label.x, Math.min(centre.x, label.x + label.width));
  const y2 = Math.max(label.y, Math.min(centre.y, label.y + label.height));
  const length = Math.hypot(x2 - centre.x, y2 - centre.y) || 1;
  return {
    x1: centre.x + ((x2 - centre.x) / length) * radius,
    y1: centre.y + ((y2 - centre.y) / length) * radius,
    x2,
    y2,
  };
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

function labelBox(a: LabelAnchor, side: LabelSide, layout: LabelLayout, extra = 0): Box {
  const { height, gap } = layout;
  const offset = (a.radius ?? layout.radius) + gap + extra;
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
