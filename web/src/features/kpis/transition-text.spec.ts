import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { describeSide } from './transition-text';

beforeAll(initAppI18n);

describe('a unit’s state before or after an opening or closure', () => {
  it('names status, use and business in German', async () => {
    await i18n.changeLanguage('de');
    const side = { status: 'occupied', useCategory: 'food_drink', businessName: 'Café Rose' } as const;
    expect(describeSide(side, i18n.t, 'after')).toBe('Genutzt: Gastronomie, Café Rose');
    expect(describeSide({ status: 'vacant', useCategory: null, businessName: null }, i18n.t, 'after')).toBe(
      'Leerstand',
    );
  });

  it('says when the unit was not yet, or no longer, recorded', async () => {
    await i18n.changeLanguage('de');
    expect(describeSide(null, i18n.t, 'before')).toBe('noch nicht erfasst');
    expect(describeSide(null, i18n.t, 'after')).toBe('nicht mehr erfasst');
    await i18n.changeLanguage('en');
    expect(describeSide(null, i18n.t, 'after')).toBe('no longer recorded');
  });
});
