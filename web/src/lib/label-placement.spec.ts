import { describe, expect, it } from 'vitest';
import {
  crosses,
  leaderLine,
  overlaps,
  placeLabels,
  type LabelAnchor,
  type LabelLayout,
} from './label-placement';

// Labels 12 px high, points of radius 5, 3 px apart: a label starts 8 px from its point's centre.
const layout: LabelLayout = {
  height: 12,
  radius: 5,
  gap: 3,
  bounds: { x: 0, y: 0, width: 400, height: 200 },
};

describe('placing scatter labels', () => {
  it('puts a lone label right of its point, vertically centred', () => {
    expect(placeLabels([{ x: 100, y: 100, width: 50 }], layout)).toEqual([
      { side: 'right', x: 108, y: 94, width: 50, height: 12 },
    ]);
  });

  it('keeps the label of a point in a corner inside the plot, shifted along its side', () => {
    // top right corner: right is shifted back onto the point itself; left (342..392) is shifted down to y 0
    expect(placeLabels([{ x: 400, y: 2, width: 50 }], layout)).toEqual([
      { side: 'left', x: 342, y: 0, width: 50, height: 12 },
    ]);
  });

  it('puts it on the left where the right would leave the plot', () => {
    // right: 358..408 > 400; left: 350 - 8 - 50 = 292
    expect(placeLabels([{ x: 350, y: 100, width: 50 }], layout)).toEqual([
      { side: 'left', x: 292, y: 94, width: 50, height: 12 },
    ]);
  });

  it('moves a label that would cover another point to a free side', () => {
    // A at 100 and B at 160 on one line. A's right label (108..158) would cover the edge of B's point
    // (155..165), so A goes left (42..92); B's right (168..218) is free.
    const [a, b] = placeLabels(
      [
        { x: 100, y: 100, width: 50 },
        { x: 160, y: 100, width: 50 },
      ],
      layout,
    );
    expect(a).toEqual({ side: 'left', x: 42, y: 94, width: 50, height: 12 });
    expect(b).toEqual({ side: 'right', x: 168, y: 94, width: 50, height: 12 });
  });

  it('does not put a label over another label', () => {
    // B is 10 px below A: A's right label (y 94..106) is clear of B's point (x 95..105), but B's own right
    // label (y 104..116) would cover it; B's left (42..92) is free.
    const [a, b] = placeLabels(
      [
        { x: 100, y: 100, width: 50 },
        { x: 100, y: 110, width: 50 },
      ],
      layout,
    );
    expect(a).toMatchObject({ side: 'right', x: 108, y: 94 });
    expect(b).toEqual({ side: 'left', x: 42, y: 104, width: 50, height: 12 });
  });

  it('uses above and below when both sides are taken, and leaves out a label with no free side', () => {
    // Three points in a row 30 px apart, labels 40 px wide. The middle one (M at 200) is placed last.
    const anchors = [
      { x: 170, y: 100, width: 40 }, // L: right 178..218 covers M's point (195..205) → left 122..162
      { x: 230, y: 100, width: 40 }, // R: right 238..278 free
      { x: 200, y: 100, width: 40 }, // M: right 208..248 covers R's point; left 152..192 covers L's point
    ];
    const placed = placeLabels(anchors, layout);
    expect(placed[0]).toMatchObject({ side: 'left', x: 122 });
    expect(placed[1]).toMatchObject({ side: 'right', x: 238 });
    // M above: x 180..220, y 100 - 8 - 12 = 80..92: clear of every point (95..105) and label (94..106)
    expect(placed[2]).toEqual({ side: 'above', x: 180, y: 80, width: 40, height: 12 });

    // The same at the top edge of the plot: above leaves it, below is free.
    const top = placeLabels(
      anchors.map((a) => ({ ...a, y: 10 })),
      layout,
    );
    expect(top[2]).toEqual({ side: 'below', x: 180, y: 18, width: 40, height: 12 });

    // In a plot only 20 px high, neither above nor below fits: M gets no label.
    const flat = placeLabels(
      anchors.map((a) => ({ ...a, y: 10 })),
      { ...layout, bounds: { x: 0, y: 0, width: 400, height: 20 } },
    );
    expect(flat[2]).toBeNull();
    expect(flat.filter(Boolean)).toHaveLength(2);
  });

  it('puts a label at a corner when all four sides of its point are taken', () => {
    // M at (200, 100) with points 30 px left and right and 20 px above and below, placed before it:
    // L's label goes left (its right covers M), R's, U's and D's right. M's right covers R's point, its
    // left L's, above U's and below D's; above right covers U's label, below right D's. Above left,
    // x 200 - 8 - 40 = 152..192, y 100 - 8 - 12 = 80..92, is clear of L's point (y 95..105) and label.
    const anchors = [
      { x: 170, y: 100, width: 40 }, // L
      { x: 230, y: 100, width: 40 }, // R
      { x: 200, y: 120, width: 40 }, // D
      { x: 200, y: 80, width: 40 }, // U
      { x: 200, y: 100, width: 40 }, // M
    ];
    const placed = placeLabels(anchors, layout);
    expect(placed.slice(0, 4).map((p) => p?.side)).toEqual(['left', 'right', 'right', 'right']);
    expect(placed[4]).toEqual({ side: 'above-left', x: 152, y: 80, width: 40, height: 12 });
  });

  it('labels a required point first, before points placed earlier in the order', () => {
    // Two points 10 px apart vertically: whichever is placed first takes the right side.
    const anchors = [
      { x: 100, y: 100, width: 50 },
      { x: 100, y: 110, width: 50, required: true },
    ];
    const [a, mine] = placeLabels(anchors, layout);
    expect(mine).toMatchObject({ side: 'right', y: 104 });
    expect(a).toMatchObject({ side: 'left', y: 94 });
  });

  // Eight points around M at 10 px: every place beside M covers one of them.
  const around = [-10, 0, 10].flatMap((dx) =>
    [-10, 0, 10].filter((dy) => dx || dy).map((dy) => ({ x: 200 + dx, y: 100 + dy, width: 30 })),
  );
  const m = { x: 200, y: 100, width: 30 };
  const pointOf = (a: { x: number; y: number }) => ({ x: a.x - 5, y: a.y - 5, width: 10, height: 10 });

  it('labels a required point with no free place beside it farther out, with a leader line', () => {
    expect(placeLabels([m, ...around], layout)[0]).toBeNull();
    const placed = placeLabels([{ ...m, required: true }, ...around], layout)[0]!;
    // one label height (12 px) farther right than beside: 200 + 8 + 12, level with the point
    expect(placed).toEqual({ side: 'right', x: 220, y: 94, width: 30, height: 12, leader: true });
    for (const a of [m, ...around]) expect(overlaps(placed, pointOf(a))).toBe(false);
  });

  it('prefers a place farther out whose leader line passes no other point', () => {
    // As above, but the left neighbour 6 px lower, at (190, 106): it still covers M's place beside it on
    // the left, but a line level with M passes just above it. The first free place farther out, right
    // (220..250), has its line through the right neighbour; the next, left (150..180), passes none.
    const shifted = around.map((a) => (a.x === 190 && a.y === 100 ? { ...a, y: 106 } : a));
    const placed = placeLabels([{ ...m, required: true }, ...shifted], layout)[0]!;
    expect(placed).toEqual({ side: 'left', x: 150, y: 94, width: 30, height: 12, leader: true });
    const line = leaderLine(m, placed, 5);
    expect(shifted.filter((a) => crosses(line, pointOf(a)))).toEqual([]);
  });

  it('in a plot with no free place at all, a required label covers the fewest points, never its own', () => {
    // M amid a 5 × 5 grid of points 10 px apart that fills the plot: no place is free, near or far.
    const grid = [-20, -10, 0, 10, 20].flatMap((dx) =>
      [-20, -10, 0, 10, 20].filter((dy) => dx || dy).map((dy) => ({ x: 200 + dx, y: 100 + dy, width: 10 })),
    );
    const full = { ...layout, bounds: { x: 175, y: 75, width: 50, height: 50 } };
    const mine = { x: 200, y: 100, width: 10, required: true };
    const placed = placeLabels([mine, ...grid], full)[0]!;
    expect(placed).not.toBeNull();
    expect(placed.leader).toBeUndefined();
    expect(overlaps(placed, pointOf(m))).toBe(false);
    // Beside M on the right or left (y 94..106) a label covers three points of the next column; above
    // (195..205 × 80..92) two, the first such place in the order.
    expect(placed).toMatchObject({ side: 'above', x: 195, y: 80 });
    expect(grid.filter((a) => overlaps(placed, pointOf(a)))).toHaveLength(2);
  });

  it('tells whether a line passes through a box', () => {
    const box = { x: 10, y: 10, width: 10, height: 10 };
    expect(crosses({ x1: 0, y1: 15, x2: 30, y2: 15 }, box)).toBe(true); // straight through
    expect(crosses({ x1: 0, y1: 0, x2: 30, y2: 30 }, box)).toBe(true); // corner to corner
    expect(crosses({ x1: 0, y1: 5, x2: 30, y2: 5 }, box)).toBe(false); // above it
    expect(crosses({ x1: 0, y1: 15, x2: 9, y2: 15 }, box)).toBe(false); // ends before it
    expect(crosses({ x1: 0, y1: 10, x2: 30, y2: 10 }, box)).toBe(false); // along its edge
    expect(crosses({ x1: 15, y1: 0, x2: 15, y2: 30 }, box)).toBe(true); // vertical
  });

  it('draws a leader line from the edge of the point to the nearest point of its label', () => {
    // label right of and above the point: nearest point (130, 92); direction (30, −8), length √964
    const line = leaderLine({ x: 100, y: 100 }, { x: 130, y: 80, width: 40, height: 12 }, 9);
    expect(line.x2).toBe(130);
    expect(line.y2).toBe(92);
    expect(line.x1).toBeCloseTo(100 + (30 / Math.sqrt(964)) * 9, 6);
    expect(line.y1).toBeCloseTo(100 - (8 / Math.sqrt(964)) * 9, 6);
  });

  it('keeps labels clear of a point drawn larger than the others', () => {
    // A ringed point of radius 8 at 100; its label starts 8 + 3 px right of its centre.
    expect(placeLabels([{ x: 100, y: 100, width: 50, radius: 8 }], layout)).toEqual([
      { side: 'right', x: 111, y: 94, width: 50, height: 12 },
    ]);
  });

  it('on a crowded narrow plot, no placed label overlaps another label or any point or leaves the plot', () => {
    // 30 towns in a 220 × 160 px plot (a phone's), scattered by a fixed pseudo-random sequence.
    const bounds = { x: 0, y: 0, width: 220, height: 160 };
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const anchors: LabelAnchor[] = Array.from({ length: 30 }, (_, i) => ({
      x: 10 + next() * 200,
      y: 10 + next() * 140,
      width: 30 + next() * 60,
      required: i === 17,
    }));
    const placed = placeLabels(anchors, { ...layout, bounds });
    const labels = placed.filter((p) => p !== null);
    expect(labels.length).toBeGreaterThan(5);
    expect(placed[17]).not.toBeNull();
    const points = anchors.map((a) => ({ x: a.x - 5, y: a.y - 5, width: 10, height: 10 }));
    labels.forEach((label, i) => {
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.y).toBeGreaterThanOrEqual(0);
      expect(label.x + label.width).toBeLessThanOrEqual(220);
      expect(label.y + label.height).toBeLessThanOrEqual(160);
      // the required label is the only one allowed over a point, and only when no place was free
      if (label !== placed[17]) expect(points.filter((p) => overlaps(label, p))).toEqual([]);
      labels.slice(i + 1).forEach((other) => expect(overlaps(label, other)).toBe(false));
    });
  });
});
