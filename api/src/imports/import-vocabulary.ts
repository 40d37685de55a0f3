import type { Floor, OccupancyStatus, UseCategory } from '../storefronts/storefront.types.js';
import type { ImportField } from './import.types.js';

/**
 * The words towns use in their lists, for the automatic suggestions of the mapping step. Keys are
 * normalised with `vocabularyKey` („Fläche (m²)“ → "flaechem2").
 */
export function vocabularyKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/²/g, '2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // Café → cafe
    .replace(/[^a-z0-9]/g, '');
}

const HEADER_WORDS: Record<ImportField, string[]> = {
  // Only words for a town's own, lasting key of a unit. Running numbers („Lfd. Nr.“, „Nr.“, „Nummer“)
  // and GIS feature ids (QGIS's `id`, `fid`) change with every list: matched as references they
  // overwrote the wrong units or created duplicates. They can still be mapped by hand.
  referenceId: ['referenceid', 'referenz', 'objektnr', 'objektnummer', 'objektid', 'kennung', 'ref'],
  street: ['strasse', 'str', 'street', 'strassenname'],
  houseNumber: ['hausnr', 'hausnummer', 'nr', 'housenumber', 'hnr'],
  address: ['adresse', 'anschrift', 'address', 'lage'],
  postcode: ['plz', 'postleitzahl', 'postcode', 'zip'],
  floorAreaM2: [
    'flaeche',
    'flaechem2',
    'flaechequadratmeter',
    'flaechequm',
    'verkaufsflaeche',
    'nutzflaeche',
    'floorarea',
    'flooraream2',
    'area',
  ],
  frontageM: [
    'frontage',
    'frontagem',
    'schaufensterbreite',
    'frontbreite',
    'frontlaenge',
    'schaufensterm',
    'schaufensterfront',
    'schaufensterfrontm',
  ],
  floor: ['etage', 'geschoss', 'stockwerk', 'floor'],
  status: ['status', 'zustand', 'nutzungsstatus', 'belegung', 'leerstand'],
  useCategory: ['nutzung', 'nutzungsart', 'branche', 'kategorie', 'usecategory', 'category', 'sortiment'],
  businessName: ['betrieb', 'geschaeft', 'firma', 'mieter', 'name', 'businessname', 'nutzer'],
  statusSince: [
    'leerstandseit',
    'statusseit',
    'seit',
    'since',
    'statussince',
    'validfrom',
    'gueltigab',
    'stand',
  ],
  lat: ['lat', 'latitude', 'breite', 'breitengrad', 'wgs84lat'],
  lon: ['lon', 'lng', 'long', 'longitude', 'laenge', 'laengengrad', 'wgs84lon'],
  easting: ['rechtswert', 'easting', 'ostwert', 'x', 'utmx', 'utme', 'e'],
  northing: ['hochwert', 'northing', 'nordwert', 'y', 'utmy', 'utmn', 'n'],
  wkt: ['wkt', 'geometrie', 'geometry', 'geom', 'wktgeom'],
  notes: ['bemerkung', 'bemerkungen', 'notiz', 'notizen', 'notes', 'anmerkung', 'kommentar'],
  ownerName: ['eigentuemer', 'vermieter', 'owner', 'ownername', 'ansprechpartner', 'kontakt'],
  ownerPhone: ['telefon', 'tel', 'phone', 'ownerphone', 'telefonnummer'],
  ownerEmail: ['email', 'mail', 'ownermail', 'owneremail'],
  askingRentEurMonth: [
    'miete',
    'kaltmiete',
    'mietforderung',
    'askingrent',
    'askingrenteurmonth',
    'mieteeurmonat',
  ],
};

/** The fields whose words are `key` (a vocabularyKey). */
const fieldsOfKey = (key: string): ImportField[] =>
  (Object.entries(HEADER_WORDS) as [ImportField, string[]][])
    .filter(([, words]) => words.includes(key))
    .map(([f]) => f);

/**
 * The field the parts of a combined header („Mieter / Nutzer“) name, when they name exactly one
 * („Straße / Hausnr.“ names two: none). Null for a header without „/“.
 */
function fieldOfParts(header: string): ImportField | null {
  if (!header.includes('/')) return null;
  const fields = new Set(header.split('/').flatMap((part) => fieldsOfKey(vocabularyKey(part))));
  return fields.size === 1 ? [...fields][0]! : null;
}

/** The field a header names, as a whole or by its parts (`fieldOfParts`); null when the vocabulary has none. */
export function fieldOfHeader(header: string): ImportField | null {
  return fieldsOfKey(vocabularyKey(header))[0] ?? fieldOfParts(header);
}

/** field → header, for every header the vocabulary recognises (first match wins, each header once). */
export function suggestColumns(headers: string[]): Partial<Record<ImportField, string>> {
  const result: Partial<Record<ImportField, string>> = {};
  const taken = new Set<string>();
  for (const [field, words] of Object.entries(HEADER_WORDS) as [ImportField, string[]][]) {
    // Words are in order of preference: "Referenz" wins over a bare "ID" column.
    const header = words
      .map((w) => headers.find((h) => !taken.has(h) && vocabularyKey(h) === w))
      .find((h) => h !== undefined);
    if (header !== undefined) {
      result[field] = header;
      taken.add(header);
    }
  }
  // A combined header („Mieter / Nutzer“, „Eigentümer/Vermieter“) names the field its parts name, for
  // the fields no header names as a whole.
  for (const field of Object.keys(HEADER_WORDS) as ImportField[]) {
    if (result[field] !== undefined) continue;
    const header = headers.find((h) => !taken.has(h) && fieldOfParts(h) === field);
    if (header !== undefined) {
      result[field] = header;
      taken.add(header);
    }
  }
  // "Nr." is the house number next to a street; without one it is a running number, not an address part.
  if (!result.street && result.houseNumber && vocabularyKey(result.houseNumber) === 'nr')
    delete result.houseNumber;
  return result;
}

const STATUS_WORDS: Record<OccupancyStatus, string[]> = {
  occupied: [
    'occupied',
    'belegt',
    'genutzt',
    'vermietet',
    'inbetrieb',
    'besetzt',
    'aktiv',
    'inuse',
    'nutzung',
  ],
  vacant: ['vacant', 'leerstand', 'leer', 'frei', 'leerstehend', 'unvermietet'],
  temporary_use: [
    'temporaryuse',
    'zwischennutzung',
    'popup',
    'popupstore',
    'testladen',
    'temporaer',
    'interimsnutzung',
  ],
  under_renovation: ['underrenovation', 'sanierung', 'umbau', 'renovierung', 'inrenovierung', 'imumbau'],
  not_lettable: ['notlettable', 'nichtvermietbar', 'baufaellig', 'strukturellerleerstand', 'unvermietbar'],
  demolished: ['demolished', 'abgerissen', 'abriss', 'rueckgebaut'],
};

const CATEGORY_WORDS: Record<UseCategory, string[]> = {
  retail_comparison: [
    'retailcomparison',
    'einzelhandel',
    'handel',
    'einzelhandelaperiodisch',
    'einzelhandelaperiodischerbedarf',
    'mode',
    'bekleidung',
  ],
  retail_daily: [
    'retaildaily',
    'nahversorgung',
    'lebensmittel',
    'einzelhandelnahversorgung',
    'einzelhandeltaeglicherbedarf',
    'baeckerei',
    'metzgerei',
  ],
  food_drink: ['fooddrink', 'gastronomie', 'gastro', 'restaurant', 'cafe', 'imbiss', 'kneipe'],
  services: ['services', 'dienstleistung', 'dienstleistungen', 'friseur', 'bank', 'versicherung'],
  health: ['health', 'gesundheit', 'arzt', 'praxis', 'apotheke', 'physiotherapie'],
  culture_leisure: ['cultureleisure', 'kultur', 'freizeit', 'kulturfreizeit', 'kulturundfreizeit'],
  public_social: [
    'publicsocial',
    'oeffentlich',
    'soziales',
    'oeffentlichessoziales',
    'oeffentlichesundsoziales',
    'oeffentlicheundsozialeeinrichtungen',
    'verwaltung',
  ],
  other: ['other', 'sonstiges', 'sonstige', 'andere'],
};

/**
 * The value a word names: exactly, else — for words of six letters or more — with one typo (a letter
 * wrong, missing, added, or two swapped: „Leersatnd“), when that points to one value only. A suggestion:
 * the value mapping shows it for the user to confirm.
 */
function lookup<T extends string>(words: Record<T, string[]>, raw: string): T | null {
  const key = vocabularyKey(raw);
  if (key === '') return null;
  const entries = Object.entries(words) as [T, string[]][];
  for (const [value, list] of entries) if (list.includes(key)) return value;
  if (key.length < 6) return null;
  const near = entries.filter(([, list]) => list.some((w) => w.length >= 6 && oneTypoApart(key, w)));
  return near.length === 1 ? near[0]![0] : null;
}

/** Whether two words differ by one edit: a letter replaced, inserted or deleted, or two neighbours swapped. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1);
  if (a.length === b.length) {
    if (rest(a, b)) return true; // replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // one more or less
}

export const suggestStatus = (raw: string): OccupancyStatus | null => lookup(STATUS_WORDS, raw);
export const suggestCategory = (raw: string): UseCategory | null => lookup(CATEGORY_WORDS, raw);

/**
 * The dashboard's German words for the codes (web/src/i18n/de.json, which a test holds equal), as the
 * German Excel export writes them; each is a word the import reads back (tested).
 */
export const GERMAN_WORDS: {
  status: Record<OccupancyStatus, string>;
  useCategory: Record<UseCategory, string>;
  floor: Record<Floor, string>;
} = {
  status: {
    occupied: 'Genutzt',
    vacant: 'Leerstand',
    temporary_use: 'Zwischennutzung',
    under_renovation: 'Im Umbau',
    not_lettable: 'Nicht vermietbar',
    demolished: 'Abgerissen',
  },
  useCategory: {
    retail_comparison: 'Einzelhandel (aperiodisch)',
    retail_daily: 'Einzelhandel (täglicher Bedarf)',
    food_drink: 'Gastronomie',
    services: 'Dienstleistungen',
    health: 'Gesundheit',
    culture_leisure: 'Kultur und Freizeit',
    public_social: 'Öffentliche und soziale Einrichtungen',
    other: 'Sonstiges',
  },
  floor: { ground: 'Erdgeschoss', upper: 'Obergeschoss', basement: 'Untergeschoss' },
};
