import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import type { Intervention } from '../../lib/domain';
import { formatDate } from '../../lib/format';
import { checkSummary, matchesClientFilter, outcomeFilterOf, outcomeText } from './outcome';

beforeAll(initAppI18n);

type Outcome12 = Intervention['outcome12'];
const outcome = (
  result: Outcome12['result'],
  basis: Outcome12['basis'] = null,
  measure: Outcome12['measure'] = 'ownBusinessLease',
): Outcome12 => ({ measure, evaluationDate: '2025-09-30', result, basis });
const ended = (o: Outcome12) => ({ outcome12: o, state: 'ended' as const });

describe('the 12-month outcome in words (decided by the API, only worded here)', () => {
  it('says what succeeded by the type’s measure and what it rests on', async () => {
    await i18n.changeLanguage('de');
    const text = (o: Outcome12) => outcomeText(ended(o), i18n.t, formatDate);
    expect(text(outcome('success', 'check'))).toBe(
      'Betrieb mit regulärem Mietvertrag (laut 12-Monats-Kontrolle)',
    );
    expect(text(outcome('failure', 'registry'))).toBe(
      'kein regulärer Mietvertrag des Betriebs (laut Register)',
    );
    // Rille 33: the next cohort's lease is not this cohort's success
    expect(text(outcome('otherTenant', 'check'))).toBe(
      'Fläche anderweitig vermietet (laut 12-Monats-Kontrolle)',
    );
    expect(text(outcome('success', 'check', 'businessesTrading'))).toBe(
      'geförderte Betriebe geöffnet (laut 12-Monats-Kontrolle)',
    );
    expect(text(outcome('notMeasured', null, 'none'))).toBe(
      'nicht erhoben (keine 12-Monats-Auswertung für diese Art)',
    );
  });

  it('„noch offen“ only says when the check is due or since when it is overdue', async () => {
    await i18n.changeLanguage('de');
    expect(outcomeText(ended(outcome('pending')), i18n.t, formatDate)).toBe(
      'noch offen – Kontrolle fällig am 30.09.2025',
    );
    expect(outcomeText(ended(outcome('overdue')), i18n.t, formatDate)).toBe(
      'noch offen – Kontrolle seit 30.09.2025 überfällig',
    );
    expect(outcomeText({ outcome12: outcome('pending'), state: 'running' }, i18n.t, formatDate)).toBe(
      'noch offen – Maßnahme läuft',
    );
  });

  it('a failed check says why: a lease signed and the business given up is not „kein Mietvertrag“', async () => {
    const check = (regularLeaseSigned: boolean | null, businessStillTrading: boolean | null) => ({
      ...ended(outcome('failure', 'check')),
      outcomeChecks: [
        {
          monthsAfterEnd: 12 as const,
          checkedOn: '2025-10-01',
          regularLeaseSigned,
          businessStillTrading,
          note: null,
        },
      ],
    });
    await i18n.changeLanguage('de');
    // Gotha, „Kleiderliebe“: „regulärer Mietvertrag: ja · Betrieb noch geöffnet: nein“
    expect(outcomeText(check(true, false), i18n.t, formatDate)).toBe(
      'Mietvertrag geschlossen, Betrieb inzwischen aufgegeben (laut 12-Monats-Kontrolle)',
    );
    expect(outcomeText(check(null, false), i18n.t, formatDate)).toBe(
      'Betrieb inzwischen aufgegeben (laut 12-Monats-Kontrolle)',
    );
    expect(outcomeText(check(false, false), i18n.t, formatDate)).toBe(
      'kein regulärer Mietvertrag des Betriebs (laut 12-Monats-Kontrolle)',
    );
    expect(outcomeText(check(false, null), i18n.t, formatDate)).toBe(
      'kein regulärer Mietvertrag des Betriebs (laut 12-Monats-Kontrolle)',
    );
    // a failure by the register does not take its words from a check it does not rest on
    expect(
      outcomeText({ ...check(true, false), outcome12: outcome('failure', 'registry') }, i18n.t, formatDate),
    ).toBe('kein regulärer Mietvertrag des Betriebs (laut Register)');
    await i18n.changeLanguage('en');
    expect(outcomeText(check(true, false), i18n.t, formatDate)).toBe(
      'lease signed, business since given up (by the 12-month check)',
    );
    await i18n.changeLanguage('de');
  });

  it('in English too', async () => {
    await i18n.changeLanguage('en');
    expect(outcomeText(ended(outcome('otherTenant', 'registry')), i18n.t, formatDate)).toBe(
      'unit let to another business (by the register)',
    );
    await i18n.changeLanguage('de');
  });

  it('a check in one line, with both answers', async () => {
    await i18n.changeLanguage('de');
    const check = {
      monthsAfterEnd: 12 as const,
      checkedOn: '2025-09-30',
      regularLeaseSigned: false,
      businessStillTrading: null,
      note: 'x',
    };
    expect(checkSummary(check, i18n.t, formatDate)).toBe(
      '12-Monats-Kontrolle vom 30.09.2025 – regulärer Mietvertrag: nein · Betrieb noch geöffnet: nicht erfasst',
    );
  });
});

describe('knowledge base filters', () => {
  it('groups the results: success, no success (also let to another), open or overdue, not measured', () => {
    expect(outcomeFilterOf(outcome('success'))).toBe('lease');
    expect(outcomeFilterOf(outcome('failure'))).toBe('noLease');
    expect(outcomeFilterOf(outcome('otherTenant'))).toBe('noLease');
    expect(outcomeFilterOf(outcome('pending'))).toBe('unknown');
    expect(outcomeFilterOf(outcome('overdue'))).toBe('unknown');
    expect(outcomeFilterOf(outcome('notMeasured', null, 'none'))).toBe('notMeasured');
  });

  it('filters by outcome and by maximum cost (unknown cost never matches a cost limit)', () => {
    const i = { outcome12: outcome('success', 'check'), budgetEur: 5000 };
    expect(matchesClientFilter(i, { outcome: 'lease', maxCost: 5000 })).toBe(true);
    expect(matchesClientFilter(i, { outcome: 'noLease', maxCost: undefined })).toBe(false);
    expect(matchesClientFilter(i, { outcome: undefined, maxCost: 4999 })).toBe(false);
    expect(matchesClientFilter({ ...i, budgetEur: null }, { outcome: undefined, maxCost: 10000 })).toBe(
      false,
    );
  });
});
