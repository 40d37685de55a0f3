import { GERMAN_WORDS } from '../imports/import-vocabulary.js';
import type { Cell, ExportTableStream } from './export-table.js';

/**
 * Column names of the German Excel dialect (`excel=de`), each one the import's suggestions recognise
 * where the column can be imported (Objekt-Nr., Straße, …, „Gültig ab“ of the history): a list
 * downloaded, edited in Excel and uploaded again maps itself.
 */
export const GERMAN_HEADERS: Record<string, string> = {
  storefrontId: 'Ladenlokal-ID',
  citySlug: 'Stadt',
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
  statusSince: 'Status seit',
  insidePerimeter: 'Im Innenstadtbereich',
  verifiedAt: 'Vor Ort geprüft',
  notes: 'Notizen',
  ownerName: 'Eigentümer',
  ownerPhone: 'Telefon',
  ownerEmail: 'E-Mail',
  askingRentEurMonth: 'Mietforderung',
  validFrom: 'Gültig ab',
  validTo: 'Gültig bis',
};

const word =
  (words: Record<string, string>) =>
  (cell: Cell): Cell =>
    typeof cell === 'string' ? (words[cell] ?? cell) : cell;

/** How a column's codes read in German (other columns stay as they are). */
const GERMAN_VALUES: Record<string, (cell: Cell) => Cell> = {
  status: word(GERMAN_WORDS.status),
  useCategory: word(GERMAN_WORDS.useCategory),
  floor: word(GERMAN_WORDS.floor),
  insidePerimeter: (cell) => (typeof cell === 'boolean' ? (cell ? 'ja' : 'nein') : cell),
};

/**
 * The table as German Excel users read it: German column names, status, use and floor in the
 * dashboard's words, ja/nein. Numbers stay numbers (the CSV writes them with a decimal comma), dates ISO.
 */
export function forGermanExcel(table: ExportTableStream): ExportTableStream {
  const translate = table.headers.map((h) => GERMAN_VALUES[h]);
  async function* batches(): AsyncGenerator<Cell[][]> {
    for await (const rows of table.batches)
      yield rows.map((row) => row.map((cell, i) => translate[i]?.(cell) ?? cell));
  }
  return { name: table.name, headers: table.headers.map((h) => GERMAN_HEADERS[h] ?? h), batches: batches() };
}
