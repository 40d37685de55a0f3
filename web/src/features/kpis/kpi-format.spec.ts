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
});
