/**
 * How the lines of a multi-series chart differ (WCAG 1.4.1, 1.4.11): by colour, by dash pattern and by
 * marker shape, so a line is told apart without seeing colour, in a black-and-white print too. Every
 * colour has at least 3:1 contrast with the white page (Okabe–Ito's yellow, orange and sky blue do not
 * and are left out or darkened). Six dash patterns and five markers cycle side by side, so no two of the
 * first 30 series share both dash and marker (told apart without colour), nor any two of the first 120
 * all three.
 */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; undefined: solid. */
  dash: string | undefined;
  marker: MarkerShape;
}

export const SERIES_COLORS = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#AD4FA0', // reddish purple (darkened)
  '#000000', // black
  '#7A6A00', // olive (a yellow that can be seen on white)
  '#5E3C99', // purple
  '#882255', // wine
] as const;
const DASHES = [undefined, '6 3', '2 2', '9 3 2 3', '12 4', '4 4'] as const;
const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross'];

/** The style of the `index`th series (0-based). */
export function seriesStyle(index: number): SeriesStyle {
  return {
    color: SERIES_COLORS[index % SERIES_COLORS.length]!,
    dash: DASHES[index % DASHES.length],
    marker: MARKERS[index % MARKERS.length]!,
  };
}

/** SVG path of a marker of the given shape, centred on (cx, cy), about 2·r wide. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const p = (x: number, y: number): string => `${round(cx + x)} ${round(cy + y)}`;
  switch (shape) {
    case 'circle':
      return `M ${p(-r, 0)} A ${r} ${r} 0 1 0 ${p(r, 0)} A ${r} ${r} 0 1 0 ${p(-r, 0)} Z`;
    case 'square':
      return `M ${p(-r, -r)} L ${p(r, -r)} L ${p(r, r)} L ${p(-r, r)} Z`;
    case 'triangle':
      return `M ${p(0, -r * 1.2)} L ${p(r * 1.1, r * 0.8)} L ${p(-r * 1.1, r * 0.8)} Z`;
    case 'diamond':
      return `M ${p(0, -r * 1.3)} L ${p(r * 1.3, 0)} L ${p(0, r * 1.3)} L ${p(-r * 1.3, 0)} Z`;
    case 'cross': {
      const w = r / 2.5;
      return [
        `M ${p(-w, -r)} L ${p(w, -r)} L ${p(w, -w)} L ${p(r, -w)} L ${p(r, w)} L ${p(w, w)}`,
        `L ${p(w, r)} L ${p(-w, r)} L ${p(-w, w)} L ${p(-r, w)} L ${p(-r, -w)} L ${p(-w, -w)} Z`,
      ].join(' ');
    }
  }
}

const round = (v: number): number => Math.round(v * 100) / 100;

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
