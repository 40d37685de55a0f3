import { VACANCY_CLASSES, vacancyClassOf } from './vacancy-classes.js';

describe('vacancy classes of the network map', () => {
  it('are five contiguous classes from 0 with an open top', () => {
    expect(VACANCY_CLASSES).toEqual([
      { index: 0, from: 0, to: 0.05 },
      { index: 1, from: 0.05, to: 0.1 },
      { index: 2, from: 0.1, to: 0.15 },
      { index: 3, from: 0.15, to: 0.2 },
      { index: 4, from: 0.2, to: null },
    ]);
  });

  it('includes the lower bound and excludes the upper one', () => {
    expect(vacancyClassOf(0)).toBe(0);
    expect(vacancyClassOf(0.0494)).toBe(0); // printed 4,9 %
    expect(vacancyClassOf(0.05)).toBe(1);
    expect(vacancyClassOf(1 / 10)).toBe(2);
    expect(vacancyClassOf(3 / 30)).toBe(2);
    expect(vacancyClassOf(0.125)).toBe(2);
    expect(vacancyClassOf(0.15)).toBe(3);
    expect(vacancyClassOf(0.2)).toBe(4);
    expect(vacancyClassOf(1)).toBe(4);
  });

  it('classes the rate as printed (0.1 percentage points), not its hidden digits', () => {
    expect(vacancyClassOf(0.09996)).toBe(2); // printed 10,0 %
    expect(vacancyClassOf(0.0495)).toBe(1); // printed 5,0 %
    expect(vacancyClassOf(0.09949)).toBe(1); // printed 9,9 %
    expect(vacancyClassOf(0.14951)).toBe(3); // printed 15,0 %
  });

  it('has no class without a rate', () => {
    expect(vacancyClassOf(null)).toBeNull();
    expect(vacancyClassOf(Number.NaN)).toBeNull();
  });
});
