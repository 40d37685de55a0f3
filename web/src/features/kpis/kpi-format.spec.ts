import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { formatKpi, formatKpiChange } from './kpi-format';

beforeAll(initAppI18n);

describe('KPI values on screen', () => {
  it('writes a net change with its sign, a loss with a true minus as the changes do', async () => {
    await i18n.changeLanguage('de');
    expect(formatKpi(i18n.t, 'netChange', 3)).toBe('+3');
    expect(formatKpi(i18n.t, 'netChange', -1234)).toBe('−1.234'); // U+2212, not a hyphen
    expect(formatKpi(i18n.t, 'netChange', 0)).toBe('0');
    expect(formatKpiChange(i18n.t, 'netChange', 1, 8)).toBe('−7');
  });

  it('changes by the difference of the values as shown, as the report does', async () => {
    await i18n.changeLanguage('de');
    // 13,44 % and 10,20 % show as 13,4 % and 10,2 %: +3,2; 13,46 % and 10,14 % as 13,5 % and 10,1 %: +3,4
    // (unrounded 3,32 — the screen said +3,3 while the two values beside it differ by 3,4)
    expect(formatKpiChange(i18n.t, 'vacancyRate', 0.1346, 0.1014)).toBe('+3,4 Prozentpunkte');
    expect(formatKpiChange(i18n.t, 'vacancyRate', 0.1344, 0.102)).toBe('+3,2 Prozentpunkte');
    expect(formatKpiChange(i18n.t, 'vacantPer1000Inhabitants', 0.6449, 0.4451)).toBe('+0,19');
    expect(formatKpiChange(i18n.t, 'vacancyRate', 0.1004, 0.1001)).toBe('±0 Prozentpunkte');
  });

  it('writes shares and their changes with one decimal, as the report does; axis ticks without', async () => {
    await i18n.changeLanguage('de');
    expect(formatKpi(i18n.t, 'vacancyRate', 0.4)).toBe('40,0\u00a0%');
    expect(formatKpi(i18n.t, 'vacancyRate', 0.112)).toBe('11,2\u00a0%');
    expect(formatKpi(i18n.t, 'vacancyRate', 0.14, true)).toBe('14\u00a0%');
    expect(formatKpiChange(i18n.t, 'longTermVacancyShare', 0.311, 0.571)).toBe('−26,0 Prozentpunkte');
    expect(formatKpiChange(i18n.t, 'vacantPer1000Inhabitants', 0.65, 0.45)).toBe('+0,20');
  });

  it('writes per 1,000 inhabitants with two decimals always: „0,50“ beside „0,68“', async () => {
    await i18n.changeLanguage('de');
    expect(formatKpi(i18n.t, 'vacantPer1000Inhabitants', 0.5)).toBe('0,50');
    expect(formatKpi(i18n.t, 'vacantPer1000Inhabitants', 0.68)).toBe('0,68');
    expect(formatKpi(i18n.t, 'vacantPer1000Inhabitants', 1)).toBe('1,00');
    expect(formatKpi(i18n.t, 'vacantPer1000Inhabitants', 0.456)).toBe('0,46');
  });
});
