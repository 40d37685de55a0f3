/**
 * Where to put the name next to each point of a scatter chart so that no two names overlap and none
 * covers a point or leaves the plot: each point in turn (the caller's order is the priority) takes the
 * first free side of right, left, above, below (shifted inside the plot at its edges). A point with no free side gets no label —
 * its name stays in the tooltip and the table beside the chart.
 */
export interface LabelAnchor {
  /** The point's centre, px. */
  x: number;
  y: number;
  /** The label's width, px. */
  width: number;
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

export type LabelSide = 'right' | 'left' | 'above' | 'below';

/** A placed label: its box, and the side of the point it is on (for the text's anchor). */
export interface PlacedLabel extends Box {
  side: LabelSide;
}

const SIDES: readonly LabelSide[] = ['right', 'left', 'above', 'below'];

export function placeLabels(anchors: readonly LabelAnchor[], layout: LabelLayout): (PlacedLabel | null)[] {
  const { radius } = layout;
  const taken: Box[] = anchors.map((a) => ({
    x: a.x - radius,
    y: a.y - radius,
    width: 2 * radius,
    height: 2 * radius,
  }));
  return anchors.map((anchor) => {
    for (const side of SIDES) {
      const box = clamp(labelBox(anchor, side, layout), layout.bounds);
      if (!taken.some((t) => overlaps(box, t))) {
        taken.push(box);
        return { ...box, side };
      }
    }
    return null;
  });
}

function labelBox(a: LabelAnchor, side: LabelSide, { height, radius, gap }: LabelLayout): Box {
  const offset = radius + gap;
  switch (side) {
    case 'right':
      return { x: a.x + offset, y: a.y - height / 2, width: a.width, height };
    case 'left':
      return { x: a.x - offset - a.width, y: a.y - height / 2, width: a.width, height };
    case 'above':
      return { x: a.x - a.width / 2, y: a.y - offset - height, width: a.width, height };
    case 'below':
      return { x: a.x - a.width / 2, y: a.y + offset, width: a.width, height };
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

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
