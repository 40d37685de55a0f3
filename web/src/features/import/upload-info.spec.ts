import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import type { ImportView } from './api/imports-api';
import { uploadInfoText } from './upload-info';

beforeAll(initAppI18n);

type FileInfo = ImportView['fileInfo'];
const csv: FileInfo = { format: 'csv', encoding: 'windows-1252', bom: false, delimiter: ';', sheet: null };
const xlsx: FileInfo = {
  format: 'xlsx',
  encoding: 'binary',
  bom: false,
  delimiter: null,
  sheet: 'Leerstände',
};
const geojson: FileInfo = { format: 'geojson', encoding: 'utf-8', bom: false, delimiter: null, sheet: null };

const info = (fileName: string, rowCount: number, fileInfo: FileInfo): string =>
  uploadInfoText({ fileName, rowCount, fileInfo }, i18n.t);

describe('uploadInfoText', () => {
  it('gives a CSV file’s encoding and delimiter', async () => {
    await i18n.changeLanguage('de');
    expect(info('liste.csv', 1234, csv)).toBe(
      'liste.csv: 1.234 Zeilen, CSV, Kodierung windows-1252, Trennzeichen „;“',
    );
    expect(info('liste.csv', 1, { ...csv, delimiter: '\t' })).toBe(
      'liste.csv: 1 Zeile, CSV, Kodierung windows-1252, Trennzeichen „Tabulator“',
    );
    await i18n.changeLanguage('en');
    expect(info('list.csv', 2, csv)).toBe('list.csv: 2 rows, CSV, encoding windows-1252, delimiter “;”');
  });

  it('gives a workbook’s sheet and a GeoJSON file’s format, with no encoding or delimiter', async () => {
    await i18n.changeLanguage('de');
    expect(info('liste.xlsx', 12, xlsx)).toBe('liste.xlsx: 12 Zeilen, XLSX, Tabellenblatt „Leerstände“');
    expect(info('liste.xlsx', 12, { ...xlsx, sheet: null })).toBe('liste.xlsx: 12 Zeilen, XLSX');
    expect(info('punkte.geojson', 3, geojson)).toBe('punkte.geojson: 3 Zeilen, GeoJSON');
    await i18n.changeLanguage('en');
    expect(info('list.xlsx', 12, xlsx)).toBe('list.xlsx: 12 rows, XLSX, sheet “Leerstände”');
  });

  it('names the list’s date from its title line, suggested as the reference date', async () => {
    await i18n.changeLanguage('de');
    expect(info('liste.csv', 3, { ...csv, listDate: '2026-11-30' })).toBe(
      'liste.csv: 3 Zeilen, CSV, Kodierung windows-1252, Trennzeichen „;“, Stand laut Titelzeile 30.11.2026 (als Stichtag vorgeschlagen)',
    );
  });
});
