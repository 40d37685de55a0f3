import { VACANCY_RATE_STEPS } from '../map/colors';
import { formatShareBound, type ReportLang } from './report-format';

/**
 * How the network map draws the API's classes (api/src/reports/vacancy-classes.ts). The colours are
 * the dashboard's vacancy scale (ColorBrewer YlOrRd, five steps at the same breaks): one hue
 * sequence from light to dark, so readers with a colour-vision deficiency and a greyscale printout
 * still see the order (CIE L* 98 → 84 → 70 → 54 → 40, checked in the spec). "Keine Daten" is not
 * a sixth shade but a hatch on white, so it cannot be mistaken for a low rate in print.
 */
export const NO_DATA_FILL = '#ffffff';
export const NO_DATA_HATCH = '#6b6b6b';

export function classColor(index: number | null): string | null {
  if (index === null) return null;
  return VACANCY_RATE_STEPS[index]?.color ?? null;
}

export interface ClassRange {
  from: number;
  to: number | null;
}

/** The legend text of a class as an i18n key and its values ("5 % bis unter 10 %"). */
export function classLabel(
  range: ClassRange,
  lang: ReportLang,
): { key: 'below' | 'range' | 'above'; from: string; to: string } {
  const from = formatShareBound(range.from, lang);
  const to = formatShareBound(range.to, lang);
  if (range.to === null) return { key: 'above', from, to };
  if (range.from === 0) return { key: 'below', from, to };
  return { key: 'range', from, to };
}

/** Rough width of a line of sans-serif text: 0.56 em per character (enough to keep labels apart). */
export const textWidth = (text: string, fontSize: number): number => text.length * 0.56 * fontSize;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  key: string;
  /** Wanted centre of the label. */
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

/**
 * Label centres that do not overlap each other or the map furniture (`obstacles`, centre boxes),
 * inside the frame. Labels are placed from top to bottom; one that would overlap is moved down or
 * up by whole label heights (at most three), else it stays where it was asked for.
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  frame: { width: number; height: number },
  obstacles: readonly Box[] = [],
): Map<string, { x: number; y: number }> {
  const clamp = (v: number, size: number, max: number): number =>
    Math.min(Math.max(v, size / 2), Math.max(size / 2, max - size / 2));
  const placed: Box[] = [...obstacles];
  const result = new Map<string, { x: number; y: number }>();
  const ordered = [...labels].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const label of ordered) {
    const x = clamp(label.x, label.width, frame.width);
    const candidates = [0, 1, -1, 2, -2, 3, -3].map((k) => ({
      ...label,
      x,
      y: clamp(label.y + k * label.height * 1.05, label.height, frame.height),
    }));
    const free = candidates.find((c) => !placed.some((p) => overlaps(c, p))) ?? candidates[0]!;
    placed.push(free);
    result.set(label.key, { x: free.x, y: free.y });
  }
  return result;
}
