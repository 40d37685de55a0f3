import type { ReportMapStreet } from '../../../../api/src/reports/report.types';

interface Point {
  x: number;
  y: number;
}

export interface PlacedStreetLabel {
  name: string;
  /** The text's centre and turn (degrees clockwise, as the API's `angle`). */
  x: number;
  y: number;
  angle: number;
  /** The label's axis-aligned box (x0, y0, x1, y1) as estimated, in frame units. */
  box: [number, number, number, number];
}

/** A label's estimated width: the average glyph of a sans-serif is about 0.55 em wide. */
const EM_WIDTH = 0.55;
/** A name may cover this many markers at most; one that would cover more is left out. */
const MAX_COVERED = 2;

/**
 * Where the report map prints its street names. For each street (the API's order: most units first)
 * the candidates are: beyond either end of its row of markers, along the street; beside the row at its
 * centre, on either side; on its centre. The one covering fewest markers wins (ties in that order),
 * provided it stays inside the frame, clear of the names already placed, and covers at most two
 * markers — a name printed over the units it names hides what the map is for. Estimated geometry:
 * the print has no text metrics before it is laid out.
 */
export function placeStreetLabels(
  streets: readonly ReportMapStreet[],
  units: readonly Point[],
  frame: { width: number; height: number },
  { fontSize, markerSize }: { fontSize: number; markerSize: number },
): PlacedStreetLabel[] {
  const gap = fontSize / 2;
  const reach = markerSize / 2; // a marker counts as covered when the box comes this close to its centre
  const placed: PlacedStreetLabel[] = [];
  for (const street of streets) {
    const rad = (street.angle * Math.PI) / 180;
    const along = { x: Math.cos(rad), y: Math.sin(rad) };
    const across = { x: -along.y, y: along.x };
    const half = { length: (street.name.length * fontSize * EM_WIDTH) / 2, height: fontSize / 2 };
    const line = { x: street.to.x - street.from.x, y: street.to.y - street.from.y };
    const lineLength = Math.hypot(line.x, line.y);
    const out = lineLength > 0 ? { x: line.x / lineLength, y: line.y / lineLength } : null;
    const beyond = half.length + reach + gap;
    const aside = half.height + reach + gap;
    const candidates: Point[] = [
      ...(out
        ? [
            { x: street.to.x + out.x * beyond, y: street.to.y + out.y * beyond },
            { x: street.from.x - out.x * beyond, y: street.from.y - out.y * beyond },
          ]
        : []),
      { x: street.x + across.x * aside, y: street.y + across.y * aside },
      { x: street.x - across.x * aside, y: street.y - across.y * aside },
      { x: street.x, y: street.y },
    ];
    // the turned text's extent on the page, with the gap around it: the same at every candidate
    const halfW = Math.abs(along.x) * half.length + Math.abs(across.x) * half.height + gap;
    const halfH = Math.abs(along.y) * half.length + Math.abs(across.y) * half.height + gap;
    let best: { label: PlacedStreetLabel; covered: number } | null = null;
    for (const c of candidates) {
      const box: PlacedStreetLabel['box'] = [c.x - halfW, c.y - halfH, c.x + halfW, c.y + halfH];
      const inside = box[0] >= 0 && box[1] >= 0 && box[2] <= frame.width && box[3] <= frame.height;
      const clear = placed.every(
        ({ box: b }) => box[2] <= b[0] || box[0] >= b[2] || box[3] <= b[1] || box[1] >= b[3],
      );
      if (!inside || !clear) continue;
      const covered = units.filter((u) => {
        const d = { x: u.x - c.x, y: u.y - c.y };
        return (
          Math.abs(d.x * along.x + d.y * along.y) <= half.length + reach &&
          Math.abs(d.x * across.x + d.y * across.y) <= half.height + reach
        );
      }).length;
      if (covered <= MAX_COVERED && (best === null || covered < best.covered)) {
        best = { label: { name: street.name, x: c.x, y: c.y, angle: street.angle, box }, covered };
      }
    }
    if (best) placed.push(best.label);
  }
  return placed;
}
