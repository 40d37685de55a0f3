import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { formatDate } from '../../lib/format';
import { interventionPeriod, isPastEnd } from './intervention-period';

beforeAll(initAppI18n);

const period = (startDate: string | null, endDate: string | null, state: 'planned' | 'running' | 'ended') =>
  interventionPeriod({ startDate, endDate, state }, formatDate, i18n.t);

describe('interventionPeriod', () => {
  it('says since when a running intervention without an end runs, instead of an empty end', async () => {
    await i18n.changeLanguage('de');
    expect(period('2026-11-01', null, 'running')).toBe('seit 01.11.2026');
    await i18n.changeLanguage('en');
    expect(period('2026-11-01', null, 'running')).toBe('since 1 Nov 2026');
  });

  it('says from when for one that has not started (or ended with no end recorded)', async () => {
    await i18n.changeLanguage('de');
    expect(period('2026-11-01', null, 'planned')).toBe('ab 01.11.2026');
    expect(period('2026-11-01', null, 'ended')).toBe('ab 01.11.2026');
    await i18n.changeLanguage('en');
    expect(period('2026-11-01', null, 'planned')).toBe('from 1 Nov 2026');
  });

  it('gives both dates when it has both, only the end without a start, and a dash without either', async () => {
    await i18n.changeLanguage('de');
    expect(period('2026-11-01', '2027-01-31', 'running')).toBe('01.11.2026 – 31.01.2027');
    expect(period(null, '2027-01-31', 'planned')).toBe('bis 31.01.2027');
    expect(period(null, null, 'planned')).toBe('–');
    await i18n.changeLanguage('en');
    expect(period(null, '2027-01-31', 'ended')).toBe('until 31 Jan 2027');
  });
});

describe('isPastEnd', () => {
  it('flags a running intervention whose planned end has passed, nothing else', () => {
    const today = '2026-12-07';
    // Apolda, „Zwischennutzung Kramergasse 15“: ends 30.11.2026, still „Läuft“
    expect(isPastEnd({ state: 'running', endDate: '2026-11-30' }, today)).toBe(true);
    expect(isPastEnd({ state: 'running', endDate: '2026-12-07' }, today)).toBe(false); // its last day
    expect(isPastEnd({ state: 'running', endDate: null }, today)).toBe(false);
    expect(isPastEnd({ state: 'ended', endDate: '2026-11-30' }, today)).toBe(false);
    expect(isPastEnd({ state: 'planned', endDate: '2026-11-30' }, today)).toBe(false);
  });
});
