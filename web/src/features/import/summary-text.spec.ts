import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import type { ImportSummary } from './api/imports-api';
import { roundedPositionsText } from './summary-text';

beforeAll(initAppI18n);

const summary = (roundedPositions: number): ImportSummary => ({
  total: 1500,
  created: 0,
  updated: 1200,
  historyExtended: 3,
  unchanged: 300,
  rejected: 0,
  needsPlacing: 0,
  roundedPositions,
});

describe('the summary’s line on positions the file only rounds', () => {
  it('says in German how many stored positions were kept', () => {
    const de = i18n.getFixedT('de');
    expect(roundedPositionsText(summary(1240), de)).toBe(
      '1.240 Positionen nur gerundet – gespeicherte Positionen behalten',
    );
    expect(roundedPositionsText(summary(1), de)).toBe(
      '1 Position nur gerundet – gespeicherte Position behalten',
    );
  });

  it('is left out when no position was only rounded, or the summary is older than the count', () => {
    expect(roundedPositionsText(summary(0), i18n.getFixedT('de'))).toBeNull();
    const { roundedPositions: _, ...older } = summary(0);
    expect(roundedPositionsText(older as ImportSummary, i18n.getFixedT('de'))).toBeNull();
  });
});
