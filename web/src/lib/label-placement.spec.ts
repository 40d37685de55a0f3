import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelLayout } from './label-placement';

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
});
