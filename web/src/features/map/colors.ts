import { vacancyClassOf } from '../../../../api/src/reports/vacancy-classes';
import type { OccupancyStatus } from '../../lib/domain';

/**
 * Status colours from the Okabe–Ito palette, which readers with the common colour-vision
 * deficiencies can tell apart. Markers get a dark outline (MARKER_OUTLINE): the light fills alone
 * have less than 3:1 against the map. Colour is never the only cue: each status has its own shape
 * too (marker-shapes.ts STATUS_SHAPES).
 */
export const STATUS_COLORS: Record<OccupancyStatus, string> = {
  occupied: '#0072B2',
  vacant: '#D55E00',
  temporary_use: '#009E73',
  under_renovation: '#E69F00',
  not_lettable: '#CC79A7',
  demolished: '#000000',
};

/**
 * Every marker's outline: dark, so that each status colour — the light ones too (Im Umbau #E69F00 has
 * 2.0:1 on the light map) — is bounded by 3:1 or more against any light background (WCAG 1.4.11).
 */
export const MARKER_OUTLINE = '#1f1f1f';

/** Sequential scale for vacancy rates (share 0..1), light yellow → dark red; five steps. */
export const VACANCY_RATE_STEPS: { from: number; color: string }[] = [
  { from: 0, color: '#ffffb2' },
  { from: 0.05, color: '#fecc5c' },
  { from: 0.1, color: '#fd8d3c' },
  { from: 0.15, color: '#f03b20' },
  { from: 0.2, color: '#bd0026' },
];

/** Towns without a figure (no units on the date, not readable, still loading): neutral grey. */
export const NO_DATA_COLOR = '#cfcfcf';

/**
 * The colour of a town's vacancy rate, classed as the reports class it (api/src/reports/vacancy-classes.ts:
 * the rate as printed, to 0.1 percentage points), so the dashboard's network map and a printed report
 * never colour the same town differently.
 */
export function vacancyRateColor(share: number | null): string {
  const index = vacancyClassOf(share);
  return index === null ? NO_DATA_COLOR : VACANCY_RATE_STEPS[index]!.color;
}

/** Relative luminance (WCAG 2.x) of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white text, whichever reads better on the given background. */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
