import { GERMAN_WORDS } from '../imports/import-vocabulary.js';
import type { Cell, ExportTable, ExportTableStream } from './export-table.js';

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

const yesNo = (cell: Cell): Cell => (typeof cell === 'boolean' ? (cell ? 'ja' : 'nein') : cell);

/** How a column's codes read in German (other columns stay as they are). */
const GERMAN_VALUES: Record<string, (cell: Cell) => Cell> = {
  status: word(GERMAN_WORDS.status),
  useCategory: word(GERMAN_WORDS.useCategory),
  floor: word(GERMAN_WORDS.floor),
  insidePerimeter: yesNo,
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

/**
 * Column names of the KPI export in the German Excel dialect: the report's names where it has them
 * (web/src/features/reports/i18n.ts), the use mix as „Nutzungsmix: <Nutzungsart>“. A test holds that
 * every column of the export has one.
 */
export const GERMAN_KPI_HEADERS: Record<string, string> = {
  town: 'Stadt',
  cityId: 'Stadt-ID',
  asOf: 'Stichtag',
  definitionsVersion: 'Definitionen (Version)',
  population: 'Einwohner',
  perimeterIsPlaceholder: 'Innenstadtbereich vorläufig',
  hasPerimeter: 'Innenstadtbereich festgelegt',
  units: 'Ladenlokale im Innenstadtbereich',
  vacantUnits: 'Leerstehende Ladenlokale',
  unitsInUse: 'Genutzte Ladenlokale',
  longTermVacantUnits: 'Langzeitleerstände (≥ 12 Monate)',
  vacancyRate: 'Leerstandsquote',
  notInUseRate: 'Quote ohne Nutzung (inkl. Umbau, nicht vermietbar)',
  vacancyRateByArea: 'Leerstandsquote nach Fläche',
  areaCoverage: 'Anteil mit Flächenangabe',
  longTermVacancyShare: 'Anteil Langzeitleerstand',
  medianVacancyDays: 'Median Leerstandsdauer (Tage)',
  temporaryUseShare: 'Anteil Zwischennutzung',
  ...Object.fromEntries(
    Object.entries({ ...GERMAN_WORDS.useCategory, unspecified: 'ohne Angabe' }).map(([code, name]) => [
      `useMix.${code}`,
      `Nutzungsmix: ${name}`,
    ]),
  ),
  vacantPer1000Inhabitants: 'Leerstände je 1.000 Einwohner',
  dataFreshness: 'Datenaktualität (geprüft in 12 Monaten)',
  interventionConversionRate: 'Quote Übergang in reguläre Miete (Testläden, Pop-ups, Zwischennutzungen)',
  interventionsEvaluated: 'Testläden, Pop-ups, Zwischennutzungen ausgewertet',
  interventionsConverted: 'davon eigener Betrieb mit regulärem Mietvertrag',
  'flows.from': 'Bewegungen von',
  'flows.to': 'Bewegungen bis',
  'flows.openings': 'Eröffnungen',
  'flows.closures': 'Schließungen',
  'flows.netChange': 'Saldo Eröffnungen – Schließungen',
  'flows.reLettings': 'Wiedervermietungen',
  'flows.medianReLettingDays': 'Median Dauer bis Wiedervermietung (Tage)',
};

/** The KPI table as German Excel users read it: German column names, ja/nein (shares stay fractions). */
export function kpisForGermanExcel(table: ExportTable): ExportTable {
  return {
    name: table.name,
    headers: table.headers.map((h) => GERMAN_KPI_HEADERS[h] ?? h),
    rows: table.rows.map((row) => row.map(yesNo)),
  };
}
