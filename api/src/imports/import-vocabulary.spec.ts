import { GERMAN_HEADERS } from '../exports/export-german.js';
import {
  GERMAN_WORDS,
  oneTypoApart,
  suggestCategory,
  suggestColumns,
  suggestStatus,
} from './import-vocabulary.js';

describe('column suggestions', () => {
  it('suggests a town’s lasting key as the reference id', () => {
    expect(suggestColumns(['Objekt-Nr.', 'Straße', 'Hausnr.']).referenceId).toBe('Objekt-Nr.');
    expect(suggestColumns(['Kennung', 'Adresse']).referenceId).toBe('Kennung');
    expect(suggestColumns(['referenceId', 'street', 'houseNumber']).referenceId).toBe('referenceId');
  });

  it('does not take running numbers or GIS feature ids for the reference id', () => {
    // A renumbered list matched by „Lfd. Nr.“ moved unit 1 to another address; QGIS's `id` made duplicates.
    for (const headers of [
      ['Lfd. Nr.', 'Straße', 'Hausnr.', 'Status'],
      ['id', 'Straße', 'Hausnummer', 'Status'],
      ['Nummer', 'Adresse', 'Status'],
      ['Nr.', 'Adresse', 'Status'],
    ]) {
      const suggested = suggestColumns(headers);
      expect({ headers, referenceId: suggested.referenceId }).toEqual({ headers, referenceId: undefined });
    }
    // „Nr.“ beside an address column is no house number either; beside a street it is one.
    expect(suggestColumns(['Nr.', 'Adresse', 'Status'])).toMatchObject({ address: 'Adresse' });
    expect(suggestColumns(['Nr.', 'Adresse', 'Status']).houseNumber).toBeUndefined();
    expect(suggestColumns(['Straße', 'Nr.', 'Status'])).toMatchObject({
      street: 'Straße',
      houseNumber: 'Nr.',
    });
  });
});

describe('combined headers', () => {
  it('suggest the field their parts name: „Mieter / Nutzer“ is the business name', () => {
    expect(suggestColumns(['Straße', 'Hausnr.', 'Status', 'Mieter / Nutzer'])).toMatchObject({
      businessName: 'Mieter / Nutzer',
    });
    expect(suggestColumns(['Adresse', 'Eigentümer/Vermieter'])).toMatchObject({
      ownerName: 'Eigentümer/Vermieter',
    });
  });

  it('leave a field to a header naming it as a whole, and suggest nothing for parts naming two fields', () => {
    expect(suggestColumns(['Mieter / Nutzer', 'Betrieb']).businessName).toBe('Betrieb');
    expect(suggestColumns(['Straße / Hausnr.', 'Status'])).toEqual({ status: 'Status' });
  });
});

describe('the German Excel export reads back', () => {
  it('maps every German column name of an importable column to its field', () => {
    const headers = Object.values(GERMAN_HEADERS);
    expect(suggestColumns(headers)).toEqual({
      referenceId: 'Objekt-Nr.',
      street: 'Straße',
      houseNumber: 'Hausnummer',
      postcode: 'PLZ',
      lon: 'Längengrad',
      lat: 'Breitengrad',
      floorAreaM2: 'Fläche (m²)',
      frontageM: 'Schaufensterfront (m)',
      floor: 'Geschoss',
      status: 'Status',
      useCategory: 'Nutzung',
      businessName: 'Betrieb',
      statusSince: 'Status seit', // (the history's „Gültig ab“ when that file is read: it has no „Status seit“)
      notes: 'Notizen',
      ownerName: 'Eigentümer',
      ownerPhone: 'Telefon',
      ownerEmail: 'E-Mail',
      askingRentEurMonth: 'Mietforderung',
    });
  });

  it('reads every German word for a status and a use as its code', () => {
    for (const [code, word] of Object.entries(GERMAN_WORDS.status))
      expect([word, suggestStatus(word)]).toEqual([word, code]);
    for (const [code, word] of Object.entries(GERMAN_WORDS.useCategory))
      expect([word, suggestCategory(word)]).toEqual([word, code]);
  });

  it('suggests the value of a word with one typo, only where it is long enough and points to one value', () => {
    expect(suggestStatus('Leersatnd')).toBe('vacant'); // two letters swapped
    expect(suggestStatus('Leerstnd')).toBe('vacant'); // one missing
    expect(suggestStatus('Vermiettet')).toBe('occupied'); // one too many
    expect(suggestStatus('Zwischennutzun')).toBe('temporary_use');
    expect(suggestCategory('Gastronomei')).toBe('food_drink');
    expect(suggestStatus('leor')).toBeNull(); // short words need to be exact („leer“)
    expect(suggestStatus('Lagerraum')).toBeNull();
  });

  it('counts one edit as a typo, two as none', () => {
    expect(oneTypoApart('leerstand', 'leersatnd')).toBe(true);
    expect(oneTypoApart('leerstand', 'leerstandx')).toBe(true);
    expect(oneTypoApart('leerstand', 'lerstand')).toBe(true);
    expect(oneTypoApart('leerstand', 'leerstond')).toBe(true);
    expect(oneTypoApart('leerstand', 'lerrsatnd')).toBe(false);
    expect(oneTypoApart('leerstand', 'leerstand')).toBe(false);
  });
});
