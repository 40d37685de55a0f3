import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { matchesClientFilter, outcomeOf, outcomeText } from './outcome';

beforeAll(initAppI18n);

const outcome = (regularLease: boolean | null, basis: 'check' | 'registry' | null = 'check') => ({
  outcome12: { evaluationDate: '2025-06-30', regularLease, basis },
});

describe('knowledge base filters', () => {
  it('reads the 12-month outcome as the KPIs count it: check, else registry', () => {
    expect(outcomeOf(outcome(true))).toBe('lease');
    expect(outcomeOf(outcome(true, 'registry'))).toBe('lease');
    expect(outcomeOf(outcome(false, 'registry'))).toBe('noLease');
    expect(outcomeOf(outcome(null, null))).toBe('unknown');
    expect(outcomeOf({ outcome12: null })).toBe('unknown'); // not yet 12 months after its end
  });

  it('says what the outcome rests on', async () => {
    await i18n.changeLanguage('de');
    expect(outcomeText(outcome(true, 'registry'), i18n.t)).toBe('regulär vermietet (laut Register)');
    expect(outcomeText(outcome(false), i18n.t)).toBe('nicht vermietet (laut 12-Monats-Kontrolle)');
    expect(outcomeText({ outcome12: null }, i18n.t)).toBe('noch offen / unbekannt');
  });

  it('filters by outcome and by maximum cost (unknown cost never matches a cost limit)', () => {
    const i = { ...outcome(true), budgetEur: 5000 };
    expect(matchesClientFilter(i, { outcome: 'lease', maxCost: 5000 })).toBe(true);
    expect(matchesClientFilter(i, { outcome: 'noLease', maxCost: undefined })).toBe(false);
    expect(matchesClientFilter(i, { outcome: undefined, maxCost: 4999 })).toBe(false);
    expect(matchesClientFilter({ ...i, budgetEur: null }, { outcome: undefined, maxCost: 10000 })).toBe(
      false,
    );
  });
});
