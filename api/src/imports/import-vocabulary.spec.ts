import { suggestColumns } from './import-vocabulary.js';

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
