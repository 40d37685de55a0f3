import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { INTERVENTION_OBSTACLES } from '../../lib/domain';
import { obstacleSummary, obstaclesText, sameObstacles, toggleObstacle, topObstaclesText } from './obstacles';

beforeAll(initAppI18n);

describe('toggleObstacle', () => {
  it('adds in the list order, never twice, and removes', () => {
    expect(toggleObstacle(['footfall'], 'rent_level', true)).toEqual(['rent_level', 'footfall']);
    expect(toggleObstacle(['rent_level', 'footfall'], 'footfall', true)).toEqual(['rent_level', 'footfall']);
    expect(toggleObstacle(['rent_level', 'footfall'], 'rent_level', false)).toEqual(['footfall']);
  });
});

describe('sameObstacles', () => {
  it('compares the sets, not the order', () => {
    expect(sameObstacles(['owner', 'permits'], ['permits', 'owner'])).toBe(true);
    expect(sameObstacles(['owner'], ['owner', 'permits'])).toBe(false);
    expect(sameObstacles(['owner'], ['permits'])).toBe(false);
    expect(sameObstacles([], [])).toBe(true);
  });
});

describe('obstacles in words', () => {
  it('names every code in both languages', async () => {
    for (const lang of ['de', 'en']) {
      await i18n.changeLanguage(lang);
      const words = INTERVENTION_OBSTACLES.map((o) => i18n.t(`interventionObstacle.${o}`));
      expect(words.every((w, n) => w !== `interventionObstacle.${INTERVENTION_OBSTACLES[n]}`)).toBe(true);
      expect(new Set(words).size).toBe(INTERVENTION_OBSTACLES.length);
    }
  });

  it('lists an intervention’s obstacles, none as null', async () => {
    await i18n.changeLanguage('de');
    expect(obstaclesText(['rent_level', 'owner'], i18n.t)).toBe(
      'Miethöhe, Eigentümer nicht erreichbar oder nicht bereit',
    );
    expect(obstaclesText([], i18n.t)).toBeNull();
  });

  it('shows the three most frequent with their counts', async () => {
    await i18n.changeLanguage('de');
    const counts = [
      { obstacle: 'footfall', count: 4 },
      { obstacle: 'rent_level', count: 2 },
      { obstacle: 'owner', count: 2 },
      { obstacle: 'permits', count: 1 },
    ] as const;
    expect(topObstaclesText(counts, i18n.t)).toBe(
      'Zu wenig Laufkundschaft (4), Miethöhe (2), Eigentümer nicht erreichbar oder nicht bereit (2)',
    );
    expect(topObstaclesText([], i18n.t)).toBeNull();
  });
});

describe('obstacleSummary', () => {
  it('names the most frequent and how many named any; none recorded; nothing tried', async () => {
    await i18n.changeLanguage('de');
    const obstacles = [{ obstacle: 'owner', count: 2 }] as const;
    expect(obstacleSummary({ tried: 6, withObstacles: 2, obstacles: [...obstacles] }, i18n.t)).toEqual({
      top: 'Eigentümer nicht erreichbar oder nicht bereit (2)',
      of: 'genannt bei 2 von 6 erprobten',
    });
    expect(obstacleSummary({ tried: 3, withObstacles: 0, obstacles: [] }, i18n.t)).toEqual({
      top: 'keine erfasst',
      of: null,
    });
    expect(obstacleSummary({ tried: 0, withObstacles: 0, obstacles: [] }, i18n.t)).toEqual({
      top: '–',
      of: null,
    });
  });
});
