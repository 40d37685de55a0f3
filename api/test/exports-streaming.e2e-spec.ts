import { todayIso } from '../src/common/validators.js';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { binary } from './binary-body.js';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';

/**
 * Exports larger than one batch of the cursor (5,000 rows): CSV, GeoJSON and the history come out
 * complete, in order and byte for byte as the whole-table exports wrote them (its expectations also
 * hold for the code before streaming, a2bef81); the workbook is refused above
 * EXPORT_XLSX_MAX_ROWS (set low here). The expected files are built from the seeding rules below, not
 * by the export code. Downloads that break off: exports-broken-downloads.e2e-spec.ts.
 */
const UNITS = 10_001; // two full batches and one row
const XLSX_LIMIT = 5_000;

let t: TestApp;
let town: TestCity;
let editor: Agent;
let viewer: Agent;
/** Storefront id by unit number i (1 … UNITS). */
const idOf = new Map<number, string>();

beforeAll(async () => {
  t = await createTestApp({ EXPORT_XLSX_MAX_ROWS: String(XLSX_LIMIT) });
  town = await createCity(t.db, [10.7, 50.95], 20000, false); // closed: no other test file sees it
  editor = await editorOf(t, town.id);
  viewer = await signedIn(t, [{ role: 'viewer', cityId: town.id }]);
  await seed();
}, 120_000);
afterAll(() => t.close());

/** Units 1 … UNITS; the rules are repeated in `unit(i)` below. */
async function seed(): Promise<void> {
  await t.db.query(
    `INSERT INTO storefronts (city_id, street, house_number, postcode, location, floor_area_m2, frontage_m, floor,
                              reference_id, notes, verified_at)
     SELECT $1, 'Lange Straße', lpad((CASE WHEN i = 5001 THEN 5000 ELSE i END)::text, 5, '0'),
            CASE WHEN i % 13 = 0 THEN NULL ELSE '99084' END,
            ST_SetSRID(ST_MakePoint((106601 + 2 * (i % 400)) / 10000.0, (509101 + 2 * (i % 350)) / 10000.0), 4326),
            CASE WHEN i % 7 <> 0 THEN i % 500 + 0.5 END,
            CASE WHEN i % 3 = 0 THEN 4 END,
            CASE WHEN i % 5 = 0 THEN 'upper' ELSE 'ground' END,
            CASE WHEN i % 11 <> 0 THEN 'R-' || i END,
            CASE i WHEN 1 THEN 'Eigentümer verhandelt' WHEN 5000 THEN E'Zeile 1\\nZeile 2' END,
            CASE WHEN i % 6 = 0 THEN timestamptz '2024-03-31 22:30:00+00' END
     FROM generate_series(1, ${UNITS}) i`,
    [town.id],
  );
  const units = `(SELECT s.id, s.city_id, COALESCE(substr(s.reference_id, 3)::int, s.house_number::int) AS i
                  FROM storefronts s WHERE s.city_id = $1)`;
  await t.db.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, business_name, valid_from, valid_to)
     SELECT u.id, u.city_id, p.status, p.use_category, p.business_name, p.valid_from, p.valid_to
     FROM ${units} u
     CROSS JOIN LATERAL (VALUES
       (u.i % 2 = 0, 'vacant', NULL, NULL, date '2021-03-01', NULL::date),
       (u.i % 2 = 1, 'occupied', 'retail_daily',
        CASE u.i WHEN 4997 THEN '=SUMME(A1)' WHEN 4999 THEN 'Müller; Söhne "Alt"' WHEN 5001 THEN ' Café am Eck '
                 ELSE 'Bäckerei Nr. ' || u.i END,
        date '2019-05-01', NULL),
       (u.i % 4 = 1, 'vacant', NULL, NULL, date '2015-01-01', date '2019-05-01')
     ) p(keep, status, use_category, business_name, valid_from, valid_to)
     WHERE p.keep`,
    [town.id],
  );
  await t.db.query(
    `INSERT INTO storefront_contacts (storefront_id, city_id, owner_name, owner_phone, owner_email, asking_rent_eur_month)
     SELECT u.id, u.city_id, 'Eigentümer ' || u.i, '+49 361 ' || u.i, 'e' || u.i || '@example.org', (u.i % 97) * 10.25
     FROM ${units} u WHERE u.i % 10 = 0`,
    [town.id],
  );
  const rows = await t.db.query<{ id: string; i: number }[]>(`SELECT id, i FROM ${units} u`, [town.id]);
  for (const r of rows) idOf.set(r.i, r.id);
}

type Value = string | number | boolean | null;

/** Unit i as the export's columns, by the seeding rules. */
function unit(i: number): Record<string, Value> {
  const lon = 106601 + 2 * (i % 400);
  const lat = 509101 + 2 * (i % 350);
  const odd = i % 2 === 1;
  const names: Record<number, string> = {
    4997: '=SUMME(A1)',
    4999: 'Müller; Söhne "Alt"',
    5001: ' Café am Eck ',
  };
  return {
    storefrontId: idOf.get(i)!,
    citySlug: town.slug,
    referenceId: i % 11 === 0 ? null : `R-${i}`,
    street: 'Lange Straße',
    houseNumber: String(i === 5001 ? 5000 : i).padStart(5, '0'),
    postcode: i % 13 === 0 ? null : '99084',
    lon: lon / 10000,
    lat: lat / 10000,
    floorAreaM2: i % 7 === 0 ? null : (i % 500) + 0.5,
    frontageM: i % 3 === 0 ? 4 : null,
    floor: i % 5 === 0 ? 'upper' : 'ground',
    status: odd ? 'occupied' : 'vacant',
    useCategory: odd ? 'retail_daily' : null,
    businessName: odd ? (names[i] ?? `Bäckerei Nr. ${i}`) : null,
    statusSince: odd ? '2019-05-01' : '2021-03-01',
    // the perimeter is 10.695–10.705 × 50.945–50.955; no unit lies on its edge
    insidePerimeter: lon > 106950 && lon < 107050 && lat > 509450 && lat < 509550,
    verifiedAt: i % 6 === 0 ? '2024-04-01' : null, // 22:30 UTC is the next day in Berlin
    notes: i === 1 ? 'Eigentümer verhandelt' : i === 5000 ? 'Zeile 1\nZeile 2' : null,
    ownerName: i % 10 === 0 ? `Eigentümer ${i}` : null,
    ownerPhone: i % 10 === 0 ? `+49 361 ${i}` : null,
    ownerEmail: i % 10 === 0 ? `e${i}@example.org` : null,
    askingRentEurMonth: i % 10 === 0 ? (i % 97) * 10.25 : null,
  };
}

const PUBLIC = [
  'storefrontId',
  'citySlug',
  'referenceId',
  'street',
  'houseNumber',
  'postcode',
  'lon',
  'lat',
  'floorAreaM2',
  'frontageM',
  'floor',
  'status',
  'useCategory',
  'businessName',
  'statusSince',
  'insidePerimeter',
  'verifiedAt',
];
const PERSONAL = ['notes', 'ownerName', 'ownerPhone', 'ownerEmail', 'askingRentEurMonth'];

/** Units 1 … UNITS in the export's order: street, house number, id. */
function unitsInOrder(keep: (i: number) => boolean = () => true): number[] {
  const numbers = [...idOf.keys()].filter(keep);
  const key = (i: number) => [unit(i).houseNumber as string, idOf.get(i)!];
  return numbers.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0]! < kb[0]! ? -1 : ka[0]! > kb[0]! ? 1 : ka[1]! < kb[1]! ? -1 : 1;
  });
}

/** The German Excel dialect's column names and words for the codes the seed uses, written out by hand. */
const GERMAN_COLUMNS: Record<string, string> = {
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
};
const GERMAN_WORDS: Record<string, string> = {
  ground: 'Erdgeschoss',
  upper: 'Obergeschoss',
  occupied: 'Genutzt',
  vacant: 'Leerstand',
  retail_daily: 'Einzelhandel (täglicher Bedarf)',
  true: 'ja',
  false: 'nein',
};
const CODED = new Set(['floor', 'status', 'useCategory', 'insidePerimeter']);

/** A plain cell as the CSV has it: the generated values need neither quotes nor apostrophes. */
const plain = (value: Value, excelDe: boolean, column = ''): string =>
  value === null
    ? ''
    : typeof value === 'number' && excelDe
      ? String(value).replace('.', ',')
      : excelDe && CODED.has(column)
        ? GERMAN_WORDS[String(value)]!
        : String(value);

/** The lines of the units whose cells need quoting or a formula guard, written out by hand. */
function specialLines(excelDe: boolean, personal: boolean): Map<number, string> {
  const [sep, dec] = excelDe ? [';', ','] : [',', '.'];
  const line = (cells: string[], personalCells: string[]) =>
    [...cells, ...(personal ? personalCells : [])].join(sep);
  const slug = town.slug;
  const none = ['', '', '', '', ''];
  const [ground, upper, occupied, vacant, daily, no] = excelDe
    ? ['Erdgeschoss', 'Obergeschoss', 'Genutzt', 'Leerstand', 'Einzelhandel (täglicher Bedarf)', 'nein']
    : ['ground', 'upper', 'occupied', 'vacant', 'retail_daily', 'false'];
  // prettier-ignore
  return new Map([
    [4997, line([idOf.get(4997)!, slug, 'R-4997', 'Lange Straße', '04997', '99084', `10${dec}6995`, `50${dec}9295`,
      `497${dec}5`, '', ground, occupied, daily, "'=SUMME(A1)", '2019-05-01', no, ''], none)],
    [4999, line([idOf.get(4999)!, slug, 'R-4999', 'Lange Straße', '04999', '99084', `10${dec}6999`, `50${dec}9299`,
      `499${dec}5`, '', ground, occupied, daily, '"Müller; Söhne ""Alt"""', '2019-05-01', no, ''], none)],
    [5000, line([idOf.get(5000)!, slug, 'R-5000', 'Lange Straße', '05000', '99084', `10${dec}7001`, `50${dec}9301`,
      `0${dec}5`, '', upper, vacant, '', '', '2021-03-01', no, ''],
      ['"Zeile 1\nZeile 2"', 'Eigentümer 5000', "'+49 361 5000", 'e5000@example.org', `543${dec}25`])],
    [5001, line([idOf.get(5001)!, slug, 'R-5001', 'Lange Straße', '05000', '99084', `10${dec}7003`, `50${dec}9303`,
      `1${dec}5`, '4', ground, occupied, daily, '" Café am Eck "', '2019-05-01', no, ''], none)],
  ]);
}

function expectedStorefrontsCsv(excelDe: boolean, personal: boolean): Buffer {
  const columns = personal ? [...PUBLIC, ...PERSONAL] : PUBLIC;
  const special = specialLines(excelDe, personal);
  const guard = (column: string, text: string) =>
    column === 'ownerPhone' && text !== '' ? `'${text}` : text; // "+49 …" starts like a formula
  const lines = unitsInOrder().map(
    (i) =>
      special.get(i) ??
      columns.map((c) => guard(c, plain(unit(i)[c]!, excelDe, c))).join(excelDe ? ';' : ','),
  );
  const header = excelDe ? columns.map((c) => GERMAN_COLUMNS[c]!) : columns;
  const text = [header.join(excelDe ? ';' : ','), ...lines].map((l) => `${l}\r\n`).join('');
  return Buffer.concat([Buffer.from(excelDe ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
}

/** The FeatureCollection of the units `keep` lets through, for a reader (no personal columns). */
function expectedGeoJson(keep?: (i: number) => boolean): string {
  const properties = PUBLIC.filter((c) => c !== 'lon' && c !== 'lat');
  return JSON.stringify({
    type: 'FeatureCollection',
    features: unitsInOrder(keep).map((i) => {
      const u = unit(i);
      return {
        type: 'Feature',
        id: u.storefrontId,
        geometry: { type: 'Point', coordinates: [u.lon, u.lat] },
        properties: Object.fromEntries(properties.map((p) => [p, u[p]])),
      };
    }),
  });
}

describe('streamed exports across batches', () => {
  it('the seeded town has units inside and outside the perimeter, special cells at the batch border', () => {
    expect(idOf.size).toBe(UNITS);
    const inside = [...idOf.keys()].filter((i) => unit(i).insidePerimeter).length;
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(UNITS);
    // units 4997 … 5001 are rows 4997 … 5001 of 10,001: the first batch ends among them
    expect(unitsInOrder().indexOf(4999)).toBe(4998);
  });

  it('CSV for German Excel with personal columns: every unit, in order, byte for byte', async () => {
    const res = await editor
      .get(`/api/exports/storefronts.csv?cityId=${town.id}&excel=de`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    // named by what it holds, the town and the day (today: no asOf was asked for)
    const today = todayIso();
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="storefronts-${town.slug}-${today}.csv"`,
    );
    const expected = expectedStorefrontsCsv(true, true);
    expect((res.body as Buffer).toString('utf8')).toBe(expected.toString('utf8'));
    expect((res.body as Buffer).equals(expected)).toBe(true);
  });

  it('CSV with commas for a reader: no personal columns, every unit, byte for byte', async () => {
    const res = await viewer
      .get(`/api/exports/storefronts.csv?cityId=${town.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((res.body as Buffer).toString('utf8')).toBe(expectedStorefrontsCsv(false, false).toString('utf8'));
  });

  it('GeoJSON: one valid FeatureCollection over exactly one full batch (the vacant units), as JSON.stringify writes it', async () => {
    const res = await viewer
      .get(`/api/exports/storefronts.geojson?cityId=${town.id}&status=vacant`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const text = (res.body as Buffer).toString('utf8');
    expect(unitsInOrder((i) => i % 2 === 0)).toHaveLength(5_000);
    const expected = expectedGeoJson((i) => i % 2 === 0);
    expect(JSON.parse(text)).toEqual(JSON.parse(expected));
    expect(text).toBe(expected);
  });

  it('GeoJSON of every unit (two batches and one row) is complete and valid', async () => {
    const res = await viewer
      .get(`/api/exports/storefronts.geojson?cityId=${town.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (res.body as Buffer).toString('utf8');
    const collection = JSON.parse(text) as { features: { id: string }[] };
    expect(collection.features.map((f) => f.id)).toEqual(unitsInOrder().map((i) => idOf.get(i)));
    expect(text).toBe(expectedGeoJson());
  });

  it('an empty selection is a valid, empty file', async () => {
    const geo = await viewer
      .get(`/api/exports/storefronts.geojson?cityId=${town.id}&status=demolished`)
      .expect(200);
    expect(geo.text).toBe('{"type":"FeatureCollection","features":[]}');
    const csv = await viewer
      .get(`/api/exports/storefronts.csv?cityId=${town.id}&status=demolished`)
      .expect(200);
    expect(csv.text).toBe(`${PUBLIC.join(',')}\r\n`);
  });

  it('the history CSV: every period (more than two batches), in order', async () => {
    const res = await viewer.get(`/api/exports/occupancy.csv?cityId=${town.id}`).expect(200);
    const lines = unitsInOrder().flatMap((i) => {
      const u = unit(i);
      const head = [u.storefrontId, u.referenceId ?? '', 'Lange Straße', u.houseNumber];
      const business =
        i === 4999
          ? '"Müller; Söhne ""Alt"""'
          : i === 4997
            ? "'=SUMME(A1)"
            : i === 5001
              ? '" Café am Eck "'
              : plain(u.businessName!, false);
      const current = [...head, u.status, plain(u.useCategory!, false), business, u.statusSince, ''].join(
        ',',
      );
      return i % 4 === 1
        ? [[...head, 'vacant', '', '', '2015-01-01', '2019-05-01'].join(','), current]
        : [current];
    });
    expect(lines).toHaveLength(UNITS + 2_501);
    const header =
      'storefrontId,referenceId,street,houseNumber,status,useCategory,businessName,validFrom,validTo';
    expect(res.text).toBe([header, ...lines].map((l) => `${l}\r\n`).join(''));
  });

  it(`refuses a workbook of more than EXPORT_XLSX_MAX_ROWS units with 422 EXPORT_TOO_LARGE, before reading the rows`, async () => {
    const res = await editor.get(`/api/exports/storefronts.xlsx?cityId=${town.id}`).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      code: 'EXPORT_TOO_LARGE',
      message:
        'The selection holds 10,001 units; an Excel download holds at most 5,000. Narrow the filters (for example one town or one status) or download CSV.',
      details: { rows: 10_001, limit: XLSX_LIMIT, sheet: 'Storefronts' },
    });
    await editor.get(`/api/exports/storefronts.xlsx?cityId=${town.id}&status=occupied`).expect(422);
    // CSV has no such limit
    await editor.get(`/api/exports/storefronts.csv?cityId=${town.id}&status=occupied`).expect(200);
  });

  it('builds the workbook of exactly EXPORT_XLSX_MAX_ROWS units', async () => {
    const res = await editor
      .get(`/api/exports/storefronts.xlsx?cityId=${town.id}&status=vacant`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const [units, history] = workbook.worksheets;
    expect(units!.name).toBe('Storefronts');
    expect(units!.rowCount).toBe(1 + XLSX_LIMIT);
    expect(history!.rowCount).toBe(1 + XLSX_LIMIT); // one period per vacant unit
    const ids = units!.getColumn(1).values.slice(2);
    expect(ids).toEqual(unitsInOrder((i) => i % 2 === 0).map((i) => idOf.get(i)));
  });

  it('refusals are the usual JSON errors, not downloads', async () => {
    const res = await viewer
      .get(`/api/exports/storefronts.geojson?cityId=${town.id}&status=bogus`)
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const other = await createCity(t.db, [10.3, 50.98], 20000, false);
    const forbidden = await viewer.get(`/api/exports/storefronts.csv?cityId=${other.id}`).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect(forbidden.headers['content-disposition']).toBeUndefined();
    await request(t.http).get(`/api/exports/occupancy.csv?cityId=${town.id}`).expect(401);
  });
});
