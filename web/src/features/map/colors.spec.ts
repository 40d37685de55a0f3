import { describe, expect, it } from 'vitest';
import { OCCUPANCY_STATUSES } from '../../lib/domain';
import {
  contrastRatio,
  MARKER_OUTLINE,
  STATUS_COLORS,
  textColorOn,
  vacancyRateColor,
  VACANCY_RATE_STEPS,
} from './colors';
import { VACANCY_CLASSES } from '../../../../api/src/reports/vacancy-classes';
import { BACKGROUND_COLOR } from './map-style';

describe('map colours', () => {
  it('gives every status its own colour', () => {
    const colors = OCCUPANCY_STATUSES.map((s) => STATUS_COLORS[s]);
    expect(new Set(colors).size).toBe(OCCUPANCY_STATUSES.length);
  });

  it('bounds every status marker by an outline of 3:1 or more against the light map (WCAG 1.4.11)', () => {
    // the fills alone do not reach it: Im Umbau 2.0:1, Nicht vermietbar 2.7:1
    expect(contrastRatio(STATUS_COLORS.under_renovation, BACKGROUND_COLOR)).toBeLessThan(3);
    // the map's background, and the perimeter's white veil over it (at most white)
    for (const background of [BACKGROUND_COLOR, '#ffffff']) {
      expect(contrastRatio(MARKER_OUTLINE, background)).toBeGreaterThanOrEqual(3);
    }
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('steps the vacancy-rate scale at 5 % intervals', () => {
    expect(vacancyRateColor(0)).toBe('#ffffb2');
    expect(vacancyRateColor(0.049)).toBe('#ffffb2');
    expect(vacancyRateColor(0.05)).toBe('#fecc5c');
    expect(vacancyRateColor(0.12)).toBe('#fd8d3c');
    expect(vacancyRateColor(0.5)).toBe('#bd0026');
    // classed as printed (to 0.1 pp), as the reports do: „10,0 %“ is never coloured as under 10 %
    expect(vacancyRateColor(0.09996)).toBe('#fd8d3c');
    expect(vacancyRateColor(0.0994)).toBe('#fecc5c');
    expect(vacancyRateColor(null)).toBe('#cfcfcf');
  });

  it('picks readable text on each colour', () => {
    expect(textColorOn('#ffffb2')).toBe('#000000');
    expect(textColorOn('#0072B2')).toBe('#ffffff');
  });
});

describe('vacancy rate steps', () => {
  it('are the report classes, one colour each', () => {
    expect(VACANCY_RATE_STEPS.map((s) => s.from)).toEqual(VACANCY_CLASSES.map((c) => c.from));
  });
});
