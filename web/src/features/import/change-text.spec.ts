import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { describeChange } from './change-text';

beforeAll(initAppI18n);

const say = (
  field: Parameters<typeof describeChange>[0]['field'],
  before: string | null,
  after: string | null,
) => describeChange({ field, before, after }, i18n.t);

describe('a dry run’s planned change in words', () => {
  it('names codes and formats numbers the German way', async () => {
    await i18n.changeLanguage('de');
    expect(say('status', 'vacant', 'occupied')).toBe('Status: Leerstand → Genutzt');
    expect(say('useCategory', null, 'food_drink')).toBe('Nutzung: – → Gastronomie');
    expect(say('businessName', 'Beta', 'Gamma')).toBe('Betrieb: Beta → Gamma');
    expect(say('floorAreaM2', '85.5', '1120.0')).toBe('Fläche (m²): 85,5 → 1.120');
    expect(say('floor', 'ground', 'upper')).toBe('Geschoss: Erdgeschoss → Obergeschoss');
    expect(say('address', 'Goethestraße 15', 'Am Markt 1')).toBe('Adresse: Goethestraße 15 → Am Markt 1');
    expect(say('location', null, '7')).toBe('Position: um 7 m verschoben');
    expect(say('contact', null, null)).toBe('Kontaktdaten werden aktualisiert');
  });

  it('speaks English in English', async () => {
    await i18n.changeLanguage('en');
    expect(say('status', 'vacant', 'temporary_use')).toBe('Status: Vacant → Temporary use');
    expect(say('frontageM', '4.5', '12.0')).toBe('Frontage (m): 4.5 → 12');
    await i18n.changeLanguage('de');
  });
});
