import { describe, expect, it } from 'vitest';
import { shortLabel, widestLabel } from './chart-labels';

describe('shortLabel', () => {
  it('keeps a name that fits', () => {
    expect(shortLabel('Sömmerda', 20)).toBe('Sömmerda');
    expect(shortLabel('Mühlhausen/Thüringen', 20)).toBe('Mühlhausen/Thüringen');
  });

  it('shortens a double name to its part before the slash', () => {
    expect(shortLabel('Bad Frankenhausen/Kyffhäuser', 20)).toBe('Bad Frankenhausen');
    expect(shortLabel('Mühlhausen/Thüringen', 16)).toBe('Mühlhausen');
  });

  it('cuts a name without a fitting part with an ellipsis, never longer than allowed', () => {
    const cut = shortLabel('Hansestadt Osterburg (Altmark)', 14);
    expect(cut).toBe('Hansestadt Os…');
    expect(cut.length).toBeLessThanOrEqual(14);
  });
});

describe('widestLabel', () => {
  it('grows with the longest label and the font size', () => {
    const narrow = widestLabel(['Gera', 'Gotha'], 12);
    const wide = widestLabel(['Gera', 'Bad Frankenhausen'], 12);
    expect(wide).toBeGreaterThan(narrow);
    expect(widestLabel(['Bad Frankenhausen'], 16)).toBeGreaterThan(wide);
    expect(widestLabel([], 12)).toBe(0);
  });

  it('is wider in bold (the scatter’s own town)', () => {
    expect(widestLabel(['Gotha'], 11, 'bold')).toBeGreaterThan(widestLabel(['Gotha'], 11));
  });
});
