import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import { unitSnapshot } from '../src/imports/import-writes.js';
import { XLSX_READERS } from '../src/imports/import-file.js';
import { fixture, unitsOf, upload, writableTablesChecksum } from './fixtures/import-helpers.js';

/** Storefront lists in: quirky files, mapping suggestions, dry run, all-or-nothing commit, matching. */
let t: TestApp;
/** Status check that shows the answer when it fails (problems are in the body). */
function ok<T extends { status: number; body: unknown }>(res: T, status = 200): T {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function prepared(
  editor: Agent,
  city: TestCity,
  file: Buffer,
  name: string,
  changes: Record<string, unknown> = {},
) {
  const up = await upload(editor, city.id, file, name).expect(201);
  const suggestions = await editor
    .get(`/api/cities/${city.id}/imports/${up.body.id}/suggestions`)
    .expect(200);
  const mapping = { ...suggestions.body.mapping, ...changes };
  await editor.put(`/api/cities/${city.id}/imports/${up.body.id}/mapping`).send(mapping).expect(200);
  return {
    id: up.body.id as string,
    upload: up.body,
    suggestions: suggestions.body,
    url: `/api/cities/${city.id}/imports/${up.body.id}`,
  };
}

describe('storefront import', () => {
  it('reads a Windows-1252, semicolon, CRLF, decimal-comma file with German headers and UTM coordinates', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const up = await upload(
      editor,
      city.id,
      fixture('storefronts-2025-windows1252.csv'),
      'Leerstand 2025.csv',
    ).expect(201);
    expect(up.body.fileInfo).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      bom: false,
    });
    expect(up.body.headers).toContain('Fläche (m²)');
    expect(up.body.rowCount).toBe(6);

    const s = await editor.get(`/api/cities/${city.id}/imports/${up.body.id}/suggestions`).expect(200);
    expect(s.body.mapping.columns).toEqual({
      referenceId: 'Objekt-Nr.',
      street: 'Straße',
      houseNumber: 'Hausnr.',
      postcode: 'PLZ',
      floorAreaM2: 'Fläche (m²)',
      useCategory: 'Nutzung',
      status: 'Status',
      statusSince: 'Leerstand seit',
      easting: 'Rechtswert',
      northing: 'Hochwert',
      ownerName: 'Eigentümer',
    });
    expect(s.body.mapping).toMatchObject({ decimalSeparator: ',', srid: 25832 });
    expect(s.body.mapping.statusValues).toEqual({
      Leerstand: 'vacant',
      belegt: 'occupied',
      Zwischennutzung: 'temporary_use',
    });
    expect(s.body.mapping.categoryValues).toEqual({
      Gastronomie: 'food_drink',
      Einzelhandel: 'retail_comparison',
      Friseur: 'services',
    });
  });

  it('dry run lists every problem row by row and writes nothing; commit refuses the file while rows are rejected', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const imp = await prepared(editor, city, fixture('storefronts-2025-windows1252.csv'), 'l.csv', {
      referenceDate: '2025-01-01',
    });
    const before = await writableTablesChecksum(t.db, city.id);
    const dry = await editor.post(`${imp.url}/dry-run`).expect(200);
    expect(dry.body.summary).toEqual({
      total: 6,
      created: 3,
      updated: 0,
      historyExtended: 0,
      unchanged: 0,
      rejected: 2,
      needsPlacing: 1,
      roundedPositions: 0,
    });
    expect(dry.body.committable).toBe(false);
    const brief = dry.body.problems.map(
      (p: { line: number; column: string | null; value: string | null; code: string }) => [
        p.line,
        p.column,
        p.value,
        p.code,
      ],
    );
    expect(brief).toEqual([
      [5, null, 'Bahnhofstr. 12', 'NEEDS_PLACING'],
      [6, 'Fläche (m²)', 'abc', 'INVALID_NUMBER'],
      [7, null, 'A-6;Lange Straße;5;99867;70;Friseur;belegt;;619510;5645710;Zusatz;verschoben', 'CELL_COUNT'],
    ]);
    expect(await writableTablesChecksum(t.db, city.id)).toBe(before);

    const refused = await editor.post(`${imp.url}/commit`).expect(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'rows_rejected', summary: { rejected: 2 } },
    });
    expect(await writableTablesChecksum(t.db, city.id)).toBe(before);
    expect((await editor.get(imp.url).expect(200)).body.status).toBe('mapped');
  });

  it('suggests the list’s own date from its title line as the reference date', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const list = Buffer.from(
      'Leerstandsliste Innenstadt, Stand 30.11.2026\r\n\r\nStraße;Hausnr.;Status\r\nMarkt;1;leer\r\n',
    );
    const p = await prepared(editor, city, list, 'stand.csv');
    expect(p.upload.fileInfo).toMatchObject({ delimiter: ';', listDate: '2026-11-30' });
    expect(p.suggestions.mapping.referenceDate).toBe('2026-11-30');
  });

  it('names each problem’s case and particulars, for the dashboard’s own sentence', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const list = Buffer.from(
      [
        'Straße;Hausnr.;Geschoss;Status;Leerstand seit;lat;lon',
        'Marktstraße;1;DG;Leerstand;;50,95;10,7',
        'Marktstraße;2;EG;Leerstand;01.03.2026;50,95;10,701',
        'Marktstraße;3;EG;Leerstand;;10,7;50,95',
        'Marktstraße;4;EG;Leerstand;01.01.2025;50,9502;10,7002',
        'Marktstraße;4;EG;Leerstand;01.01.2025;50,9502;10,7002',
      ].join('\n'),
    );
    const p = await prepared(editor, city, list, 'faelle.csv', { referenceDate: '2026-01-01' });
    const dry = ok(await editor.post(`${p.url}/dry-run`));
    const cases = dry.body.problems.map((x: { line: number; code: string; params?: object }) => [
      x.line,
      x.code,
      x.params,
    ]);
    expect(cases).toEqual([
      [2, 'INVALID_VALUE', { context: 'floor' }],
      [3, 'INVALID_DATE', { context: 'afterReference', referenceDate: '01.01.2026' }],
      [4, 'INVALID_COORDINATES', { context: 'swapped' }],
      [6, 'DUPLICATE_IN_FILE', { context: 'repeat', firstLine: '5' }],
    ]);
  });

  it('refuses numbers outside the ranges the forms allow already in the dry run, on their line', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const [lon, lat] = city.centre;
    const csv = [
      'Straße;Nr;Fläche;Frontbreite;Status;Lon;Lat',
      `Markt;1;123456789;5;leer;${lon};${lat}`,
      `Markt;2;80;0,2;leer;${lon};${lat}`,
      `Markt;3;80;5;leer;${lon};${lat}`,
    ].join('\n');
    const imp = await prepared(editor, city, Buffer.from(csv), 'grenzen.csv', {
      referenceDate: '2025-01-01',
    });
    const dry = await editor.post(`${imp.url}/dry-run`).expect(200);
    expect(
      dry.body.problems.map((p: { line: number; value: string; code: string }) => [p.line, p.value, p.code]),
    ).toEqual([
      [2, '123456789', 'INVALID_NUMBER'],
      [3, '0,2', 'INVALID_NUMBER'],
    ]);
    expect(dry.body.summary).toMatchObject({ created: 1, rejected: 2 });
  });

  it('reads a coordinate with three decimals as degrees, whatever the decimal separator (no thousands there)', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    // A semicolon file: the decimal comma is suggested, so „1.500“ m² is 1500; „51.209“ was 51209.
    const csv = [
      'Straße;Nr;Status;Fläche;lat;lon',
      'Markt;1;leer;1.500;51.209;10.453',
      'Markt;2;leer;80;51.2098;10.4531',
      'Markt;3;leer;80;51,21;10,455',
    ].join('\n');
    const p = await prepared(editor, city, Buffer.from(csv), 'drei-stellen.csv');
    expect(p.suggestions.mapping.decimalSeparator).toBe(',');
    expect(ok(await editor.post(`${p.url}/commit`)).body).toMatchObject({
      summary: { created: 3, rejected: 0 },
      problems: [],
    });
    expect((await unitsOf(t.db, city.id)).map((u) => [u.no, u.area, u.lat, u.lon])).toEqual([
      ['1', 1500, 51.209, 10.453],
      ['2', 80, 51.2098, 10.4531],
      ['3', 80, 51.21, 10.455],
    ]);
  });

  it('refuses a list dated after today: its changes would take effect in the future', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const [lon, lat] = city.centre;
    const csv = ['Straße;Nr;Status;Lon;Lat', `Markt;1;leer;${lon};${lat}`].join('\n');
    const up = await upload(editor, city.id, Buffer.from(csv), 'zukunft.csv').expect(201);
    const { mapping } = (
      await editor.get(`/api/cities/${city.id}/imports/${up.body.id}/suggestions`).expect(200)
    ).body;
    const res = await editor
      .put(`/api/cities/${city.id}/imports/${up.body.id}/mapping`)
      .send({ ...mapping, referenceDate: '2062-01-01' })
      .expect(400);
    expect(res.body.details.fields).toEqual([
      expect.objectContaining({ field: 'referenceDate', rules: [{ rule: 'notAfterToday' }] }),
    ]);
  });

  it('refuses a mapping without its columns, or with columns that are no object, naming the field', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const [lon, lat] = city.centre;
    const csv = ['Straße;Nr;Status;Lon;Lat', `Markt;1;leer;${lon};${lat}`].join('\n');
    const up = await upload(editor, city.id, Buffer.from(csv), 'spalten.csv').expect(201);
    const url = `/api/cities/${city.id}/imports/${up.body.id}/mapping`;
    const { mapping } = (
      await editor.get(`/api/cities/${city.id}/imports/${up.body.id}/suggestions`).expect(200)
    ).body;
    const { columns: _columns, ...withoutColumns } = mapping;
    const answers = [];
    for (const body of [withoutColumns, { ...mapping, columns: null }, { ...mapping, columns: ['Straße'] }]) {
      const res = await editor.put(url).send(body);
      answers.push([
        res.status,
        res.body.code,
        res.body.details?.fields?.map((f: { field: string }) => f.field),
      ]);
    }
    expect(answers).toEqual([
      [400, 'VALIDATION_FAILED', ['columns']],
      [400, 'VALIDATION_FAILED', ['columns']],
      [400, 'VALIDATION_FAILED', ['columns', 'columns.0']], // (the array's item is checked too)
    ]);
    await editor.put(url).send(mapping).expect(200);
  });

  it('refuses a mapping naming a column the file does not have with a reason the dashboard explains', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const csv = ['Straße;Nr;Status', 'Markt;1;leer'].join('\n');
    const up = await upload(editor, city.id, Buffer.from(csv), 'spalten.csv').expect(201);
    const { mapping } = (
      await editor.get(`/api/cities/${city.id}/imports/${up.body.id}/suggestions`).expect(200)
    ).body;
    // a mapping kept from last year's list, whose headers were spelt another way
    const res = await editor
      .put(`/api/cities/${city.id}/imports/${up.body.id}/mapping`)
      .send({ ...mapping, columns: { ...mapping.columns, street: 'Strasse', houseNumber: 'Hausnummer' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The file has no column „Strasse“, „Hausnummer“. Choose one of the file’s columns.',
      details: {
        reason: 'unknown_column',
        columns: ['Strasse', 'Hausnummer'],
        mappedFields: ['street', 'houseNumber'],
      },
    });
  });

  it('commits the good rows when asked to skip the rejected ones, and a second year’s list extends the histories', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const first = await prepared(editor, city, fixture('storefronts-2025-windows1252.csv'), 'l.csv', {
      referenceDate: '2025-01-01',
      skipInvalidRows: true,
    });
    const done = ok(await editor.post(`${first.url}/commit`));
    expect(done.body.summary).toMatchObject({ created: 3, rejected: 2, needsPlacing: 1 });
    expect((await editor.get(first.url).expect(200)).body).toMatchObject({
      status: 'committed',
      processed: 6,
    });
    expect(await unitsOf(t.db, city.id)).toEqual([
      {
        ref: 'A-3',
        street: 'Große Gasse',
        no: '7',
        status: 'temporary_use',
        category: 'retail_comparison',
        since: '2023-06-15',
        area: 42,
        lon: 10.7035,
        lat: 50.9492,
      },
      {
        ref: 'A-1',
        street: 'Marktstraße',
        no: '1',
        status: 'occupied',
        category: 'food_drink',
        since: '2025-01-01',
        area: 85.5,
        lon: 10.701,
        lat: 50.951,
      },
      {
        ref: 'A-2',
        street: 'Marktstraße',
        no: '3a',
        status: 'vacant',
        category: null,
        since: '2021-03-01',
        area: 1120,
        lon: 10.702,
        lat: 50.9505,
      },
    ]);
    const [contact] = await t.db.query(
      `SELECT owner_name FROM storefront_contacts sc JOIN storefronts s ON s.id = sc.storefront_id WHERE s.city_id = $1`,
      [city.id],
    );
    expect(contact.owner_name).toBe('Müller GmbH');
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE city_id = $1 AND action = 'create'`,
      [city.id],
    );
    expect(audit[0].n).toBe(3);

    const second = await prepared(editor, city, fixture('storefronts-2026-utf8-bom.csv'), 'l2.csv', {
      referenceDate: '2026-01-01',
    });
    expect(second.upload.fileInfo).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',' });
    const result = ok(await editor.post(`${second.url}/commit`));
    expect(result.body.summary).toEqual({
      total: 5,
      created: 1,
      updated: 2,
      historyExtended: 2,
      unchanged: 1,
      rejected: 0,
      needsPlacing: 1,
      roundedPositions: 0,
    });
    const history = await t.db.query(
      `SELECT s.reference_id AS ref, o.status, to_char(o.valid_from, 'YYYY-MM-DD') AS "from", to_char(o.valid_to, 'YYYY-MM-DD') AS "to"
       FROM occupancy_periods o JOIN storefronts s ON s.id = o.storefront_id
       WHERE s.city_id = $1 AND s.reference_id IN ('A-1', 'A-2') ORDER BY 1, 3`,
      [city.id],
    );
    expect(history).toEqual([
      { ref: 'A-1', status: 'occupied', from: '2025-01-01', to: '2025-09-01' },
      { ref: 'A-1', status: 'vacant', from: '2025-09-01', to: null },
      { ref: 'A-2', status: 'vacant', from: '2021-03-01', to: '2026-01-01' },
      { ref: 'A-2', status: 'occupied', from: '2026-01-01', to: null },
    ]);
    const units = await unitsOf(t.db, city.id);
    expect(units).toHaveLength(4);
    expect(units.find((u) => u.street === 'Kirchgasse')).toMatchObject({
      no: '9',
      status: 'vacant',
      lon: expect.closeTo(10.7036, 3),
    });

    // The audit trail: the snapshot written for a new unit (built from the staged row) is what the
    // stored unit reads back as; an update records the unit before and after, plus the import's line.
    const stored = await t.db.query<
      { id: string; ref: string | null; street: string; snapshot: Record<string, unknown> }[]
    >(
      `SELECT s.id, s.reference_id AS ref, s.street, ${unitSnapshot()} AS snapshot FROM storefronts s WHERE s.city_id = $1`,
      [city.id],
    );
    const trail = await t.db.query<
      {
        entity: string;
        action: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown>;
      }[]
    >(`SELECT entity_id AS entity, action, before, after FROM audit_log WHERE city_id = $1 ORDER BY id`, [
      city.id,
    ]);
    const latest = (id: string) => trail.filter((a) => a.entity === id).at(-1)!;
    const unitOn = (street: string) => stored.find((u) => u.street === street)!;
    // Große Gasse from the first list (WGS 84), Kirchgasse from the second (UTM, transformed by PostGIS).
    for (const street of ['Große Gasse', 'Kirchgasse']) {
      const { import: note, ...after } = latest(unitOn(street).id).after;
      expect(latest(unitOn(street).id).action).toBe('create');
      expect(unitOn(street).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // time-ordered (TimeOrderedIds)
      expect(after).toEqual(unitOn(street).snapshot);
      expect(note).toEqual({
        id: expect.any(String),
        line: expect.any(Number),
        contactFieldsImported: expect.any(Boolean),
      });
    }
    const a2 = stored.find((u) => u.ref === 'A-2')!;
    const changed = latest(a2.id);
    const { import: changeNote, ...changedAfter } = changed.after;
    expect(changed).toMatchObject({
      action: 'update',
      before: { version: 1, current: { status: 'vacant' } },
    });
    expect(changedAfter).toEqual(a2.snapshot);
    expect(changedAfter).toMatchObject({
      version: 2,
      current: { status: 'occupied', validFrom: '2026-01-01' },
    });
    expect(changeNote).toEqual({
      id: second.id,
      line: expect.any(Number),
      contactFieldsImported: expect.any(Boolean),
    });
  });

  it('takes a GeoJSON file sent as application/json above the 5 MB of JSON bodies, and refuses a broken one with 400', async () => {
    const city = await createCity(t.db, [10.64, 51.13]);
    const editor = await editorOf(t, city.id);
    const feature = (i: number) => ({
      type: 'Feature',
      properties: { strasse: 'Marktstraße', hausnummer: String(i), notiz: 'x'.repeat(200) },
      geometry: { type: 'Point', coordinates: [10.64, 51.13] },
    });
    const big = Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: Array.from({ length: 25_000 }, (_, i) => feature(i)),
      }),
    );
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const up = ok(
      await editor
        .post(`/api/cities/${city.id}/imports?fileName=gross.geojson`)
        .set('Content-Type', 'application/json')
        .send(big.toString()), // a string goes as it is (superagent would serialise a Buffer as JSON)
      201,
    );
    expect(up.body.rowCount).toBe(25_000);
    const broken = await editor
      .post(`/api/cities/${city.id}/imports?fileName=kaputt.geojson`)
      .set('Content-Type', 'application/json')
      .send('null')
      .expect(400);
    expect(broken.body.message).toBe('Expected a GeoJSON FeatureCollection.');
  });

  it('reads GeoJSON (points; other geometries are reported) and an XLSX workbook built with exceljs', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const geo = await prepared(editor, city, fixture('storefronts.geojson'), 'neumarkt.geojson', {
      referenceDate: '2025-01-01',
    });
    expect(geo.suggestions.mapping.columns).toMatchObject({
      street: 'Straße',
      houseNumber: 'Hausnummer',
      wkt: 'wkt',
      floorAreaM2: 'Fläche',
    });
    const dry = await editor.post(`${geo.url}/dry-run`).expect(200);
    expect(dry.body.summary).toMatchObject({ created: 2, rejected: 1 });
    expect(dry.body.problems).toEqual([
      expect.objectContaining({ line: 3, column: 'wkt', value: 'POLYGON', code: 'INVALID_COORDINATES' }),
    ]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Leerstände');
    sheet.addRow(['Straße', 'Hausnr.', 'Status', 'Nutzung', 'lat', 'lon', 'Leerstand seit', 'Fläche (m²)']);
    sheet.addRow([
      'Steinweg',
      '2',
      'Leerstand',
      null,
      50.9498,
      10.6993,
      new Date(Date.UTC(2022, 4, 1)),
      64.5,
    ]);
    sheet.addRow(['Steinweg', '4', 'belegt', 'Café', 50.9499, 10.6995, null, 80]);
    const xlsx = await prepared(editor, city, Buffer.from(await workbook.xlsx.writeBuffer()), 'liste.xlsx', {
      referenceDate: '2025-01-01',
    });
    expect(xlsx.upload.fileInfo).toMatchObject({ format: 'xlsx', sheet: 'Leerstände' });
    ok(await editor.post(`${xlsx.url}/commit`));
    const steinweg = (await unitsOf(t.db, city.id)).filter((u) => u.street === 'Steinweg');
    expect(steinweg).toEqual([
      expect.objectContaining({ no: '2', status: 'vacant', since: '2022-05-01', area: 64.5, lat: 50.9498 }),
      expect.objectContaining({ no: '4', status: 'occupied', category: 'food_drink', since: '2025-01-01' }),
    ]);
  });

  it('reads a GeoJSON file in ETRS89/UTM 32N as QGIS writes it (crs member), and refuses an unsupported system by name', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const [utm] = await t.db.query<{ x: number; y: number }[]>(
      `SELECT ST_X(p) AS x, ST_Y(p) AS y FROM ST_Transform(ST_SetSRID(ST_MakePoint(10.7005, 50.9502), 4326), 25832) p`,
    );
    const file = (crs: string) =>
      Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: crs } },
          features: [
            {
              type: 'Feature',
              properties: { Straße: 'Utmgasse', Hausnummer: '1', Status: 'Leerstand' },
              geometry: { type: 'Point', coordinates: [utm!.x, utm!.y] },
            },
          ],
        }),
      );
    const p = await prepared(editor, city, file('urn:ogc:def:crs:EPSG::25832'), 'qgis.geojson', {
      referenceDate: '2025-01-01',
    });
    ok(await editor.post(`${p.url}/commit`));
    expect(await unitsOf(t.db, city.id)).toEqual([
      expect.objectContaining({ street: 'Utmgasse', status: 'vacant', lon: 10.7005, lat: 50.9502 }),
    ]);

    const gk = await upload(editor, city.id, file('urn:ogc:def:crs:EPSG::31468'), 'gk.geojson');
    expect(gk.status).toBe(400);
    expect(gk.body.details).toMatchObject({ problem: 'unsupported_crs', crs: 'urn:ogc:def:crs:EPSG::31468' });
  });

  it('reads two workbooks at once, lets four wait and refuses more with 429 workbooks_busy (CSV is not held up)', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste');
    sheet.addRow(['Straße', 'Hausnummer', 'Status']);
    sheet.addRow(['Markt', '1', 'Leerstand']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    // Six workbooks being read (two) or waiting (four), held until released.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = Array.from({ length: 6 }, () =>
      XLSX_READERS.run(
        () => gate,
        () => new Error('full'),
      ),
    );
    expect(XLSX_READERS.size).toEqual({ running: 2, waiting: 4 });
    try {
      const busy = await upload(editor, city.id, xlsx, 'liste.xlsx').expect(429);
      expect(busy.body).toEqual({
        code: 'TOO_MANY_REQUESTS',
        message:
          'Several Excel workbooks are being read right now. Please upload the file again in a minute.',
        details: { reason: 'workbooks_busy' },
      });
      await upload(
        editor,
        city.id,
        Buffer.from('Straße;Hausnummer;Status\nMarkt;1;Leerstand\n'),
        'l.csv',
      ).expect(201);
    } finally {
      release();
      await Promise.all(held);
    }
    expect(XLSX_READERS.size).toEqual({ running: 0, waiting: 0 });
    const read = await upload(editor, city.id, xlsx, 'liste.xlsx').expect(201);
    expect(read.body.fileInfo).toMatchObject({ format: 'xlsx' });
  });

  it('answers a file it cannot read with a message, never a 500', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const broken = await upload(editor, city.id, Buffer.from('a;b\n"unclosed;2\n'), 'x.csv').expect(400);
    expect(broken.body.message).toMatch(/quotation mark/);
    await upload(editor, city.id, Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx').expect(400);
    await upload(editor, city.id, Buffer.from('Straße;Status\n'), 'x.csv').expect(400);
    // A NUL character (a binary file, or UTF-16 without its byte order mark) cannot be stored as text.
    const nul = await upload(
      editor,
      city.id,
      Buffer.from('Straße;Status\nMarkt\u00001;Leerstand\n'),
      'x.csv',
    );
    expect(nul.status).toBe(400);
    expect(nul.body.message).toMatch(/NUL character.*line 2/);
  });

  it('refuses GeoJSON nested thousands of levels deep as an unreadable file, never a 500', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const deep = (inner: string) => `${'['.repeat(5000)}${inner}${']'.repeat(5000)}`;
    const point = { type: 'Point', coordinates: [10.7, 50.95] };
    const files = {
      feature: `{"type":"FeatureCollection","features":[${deep('{}')}]}`,
      property: `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":${JSON.stringify(point)},"properties":{"Straße":"Markt","Notiz":${deep('1')}}}]}`,
      coordinates: `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"Straße":"Markt","Nr":"1"},"geometry":{"type":"Point","coordinates":${deep('10.7')}}}]}`,
    };
    const answers: Record<string, unknown> = {};
    for (const [name, text] of Object.entries(files)) {
      const res = await upload(editor, city.id, Buffer.from(text), `${name}.geojson`);
      answers[name] = { status: res.status, body: res.body };
    }
    const refused = {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message:
          'The file nests objects or arrays more than 32 levels deep: it is not GeoJSON this import can read.',
        details: { reason: 'unreadable_file', problem: 'not_json', limit: 32 },
      },
    };
    expect(answers).toEqual({ feature: refused, property: refused, coordinates: refused });
  });

  it('stores backslashes, tabs and line breaks in quoted cells, and the text \\N, exactly as written', async () => {
    // The rows reach the staging table by COPY, whose text format gives \ tab newline and \N a meaning.
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const notes = ['Ablage C:\\Leerstand\\2026', 'Spalte1\tSpalte2', 'Zeile 1\r\nZeile 2', '\\N', '\\.'];
    const csv = [
      'Objekt-Nr.;Straße;Hausnr.;Status;Breite;Länge;Bemerkung',
      ...notes.map((note, i) => `Q-${i};Marktstr. \\ Ecke;${i + 1};Leerstand;50.95;10.7${i};"${note}"`),
    ].join('\n');
    const p = await prepared(editor, city, Buffer.from(csv, 'utf8'), 'notizen.csv');
    expect(p.suggestions.mapping.columns).toMatchObject({ notes: 'Bemerkung', lat: 'Breite', lon: 'Länge' });
    const done = ok(await editor.post(`${p.url}/commit`).send({}));
    expect(done.body.summary).toMatchObject({ created: notes.length, rejected: 0 });
    const stored = await t.db.query<{ ref: string; street: string; notes: string }[]>(
      `SELECT reference_id AS ref, street, notes FROM storefronts WHERE city_id = $1 ORDER BY reference_id`,
      [city.id],
    );
    expect(stored).toEqual(
      notes.map((note, i) => ({ ref: `Q-${i}`, street: 'Marktstr. \\ Ecke', notes: note })),
    );
  });

  it('lets only the town’s editors import: another town’s editor gets 403, a viewer 403, anonymous 401', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const other = await createCity(t.db, [10.3, 50.98]);
    const file = fixture('storefronts-2026-utf8-bom.csv');
    await upload(await editorOf(t, other.id), city.id, file, 'x.csv').expect(403);
    await upload(await signedIn(t, [{ role: 'viewer', cityId: city.id }]), city.id, file, 'x.csv').expect(
      403,
    );
    const editor = await editorOf(t, city.id);
    const up = await upload(editor, city.id, file, 'x.csv').expect(201);
    // The import belongs to its town: another town's editor cannot read it through their own town either.
    const otherEditor = await editorOf(t, other.id);
    await otherEditor.get(`/api/cities/${other.id}/imports/${up.body.id}`).expect(404);
  });
});

describe('matching a list to the town’s units', () => {
  const header = 'Objekt-Nr.;Straße;Hausnr.;Status;Breite;Länge';
  const csv = (...rows: string[]): Buffer => Buffer.from([header, ...rows].join('\n'), 'utf8');
  const stored = (cityId: string) =>
    t.db.query<{ ref: string; street: string; no: string; lat: number; lon: number }[]>(
      `SELECT reference_id AS ref, street, house_number AS no,
              round(ST_Y(location)::numeric, 5)::float AS lat, round(ST_X(location)::numeric, 5)::float AS lon
       FROM storefronts WHERE city_id = $1 ORDER BY reference_id`,
      [cityId],
    );

  it('refuses a reference id that names a unit elsewhere (a renumbered list), and keeps the stored spelling of an address', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const first = await prepared(
      editor,
      city,
      csv('1;Goethestraße;13;belegt;50,95;10,70', '2;Goethestraße;15;leer;50,9501;10,7002'),
      'l.csv',
      { referenceDate: '2025-01-01' },
    );
    ok(await editor.post(`${first.url}/commit`));
    const before = await stored(city.id);

    // „1“ is now Badergasse 22, 0.001° (≈ 111 m) north; unit 2 is spelt another way.
    const renumbered = await prepared(
      editor,
      city,
      csv('1;Badergasse;22;leer;50,951;10,70', '2;GOETHESTR.;15 ;leer;50,9501;10,7002'),
      'l2.csv',
      { referenceDate: '2026-01-01', skipInvalidRows: true },
    );
    const dry = ok(await editor.post(`${renumbered.url}/dry-run`));
    expect(dry.body.summary).toMatchObject({ rejected: 1, unchanged: 1, created: 0, updated: 0 });
    expect(dry.body.problems).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'REFERENCE_CONFLICT',
        column: 'Objekt-Nr.',
        value: '1 = Goethestraße 13',
        severity: 'error',
        reason: expect.stringMatching(/belongs to Goethestraße 13, 111 m away, not to Badergasse 22/),
      }),
    ]);
    const done = ok(await editor.post(`${renumbered.url}/commit`));
    expect(done.body.summary).toMatchObject({ rejected: 1, unchanged: 1 });
    expect(await stored(city.id)).toEqual(before);

    // Corrections still match: another house number on the same street (no point), another street at
    // nearly the same point (0.0001° ≈ 7 m east).
    const corrected = await prepared(
      editor,
      city,
      csv('1;Goethestraße;13a;belegt;;', '2;Am Markt;1;leer;50,9501;10,7003'),
      'l3.csv',
      { referenceDate: '2026-01-01' },
    );
    // The dry run says what changes on each unit, with the stored and the new value.
    const preview = ok(await editor.post(`${corrected.url}/dry-run`));
    expect(preview.body.changes).toEqual([
      {
        line: 2,
        storefrontId: expect.any(String),
        address: 'Goethestraße 13',
        statusFrom: null,
        fields: [{ field: 'address', before: 'Goethestraße 13', after: 'Goethestraße 13a' }],
      },
      {
        line: 3,
        storefrontId: expect.any(String),
        address: 'Goethestraße 15',
        statusFrom: null,
        fields: [
          { field: 'address', before: 'Goethestraße 15', after: 'Am Markt 1' },
          { field: 'location', before: null, after: '7' }, // 0.0001° of longitude at 50.95° N
        ],
      },
    ]);
    const result = ok(await editor.post(`${corrected.url}/commit`));
    expect(result.body.summary).toMatchObject({ updated: 2, rejected: 0, created: 0 });
    expect(await stored(city.id)).toEqual([
      { ref: '1', street: 'Goethestraße', no: '13a', lat: 50.95, lon: 10.7 },
      { ref: '2', street: 'Am Markt', no: '1', lat: 50.9501, lon: 10.7003 },
    ]);
  });

  it('matches by proximity only when one unit lies at the point: two shops at one point are AMBIGUOUS_MATCH', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const at = { type: 'Point', coordinates: [10.45312, 51.20913] };
    for (const floor of ['ground', 'upper'])
      await editor
        .post('/api/storefronts')
        .send(storefrontBody(city, { street: 'Marktplatz', houseNumber: '7', floor, location: at }))
        .expect(201);
    const before = await writableTablesChecksum(t.db, city.id);
    // Another street at the point, and the address both units have (the address match needs exactly one).
    const list = Buffer.from(
      'Straße;Hausnr.;Status;lat;lon\nFelchtaer Straße;99;Leerstand;51.20913;10.45312\nMarktplatz;7;Leerstand;51.20913;10.45312',
    );
    const p = await prepared(editor, city, list, 'marktplatz.csv', { skipInvalidRows: true });
    const dry = ok(await editor.post(`${p.url}/dry-run`));
    expect(dry.body.summary).toMatchObject({ rejected: 2, created: 0, updated: 0, unchanged: 0 });
    expect(dry.body.problems).toEqual(
      [2, 3].map((line) => ({
        line,
        code: 'AMBIGUOUS_MATCH',
        column: 'lat',
        value: 'Marktplatz 7; Marktplatz 7',
        severity: 'error',
        reason:
          '2 units lie within 3 m of this point (Marktplatz 7; Marktplatz 7), so the point cannot tell which one the row means. Give the town’s reference id in the row, its floor, or an address only one of them has.',
      })),
    );
    ok(await editor.post(`${p.url}/commit`));
    expect(await writableTablesChecksum(t.db, city.id)).toBe(before);

    // The floor tells them apart: the upper floor's unit is the one set vacant.
    const withFloor = Buffer.from(
      'Straße;Hausnr.;Geschoss;Status;lat;lon\nMarktplatz;7;Obergeschoss;Leerstand;51.20913;10.45312',
    );
    const f = await prepared(editor, city, withFloor, 'geschoss.csv', { referenceDate: '2026-01-01' });
    expect(ok(await editor.post(`${f.url}/dry-run`)).body).toMatchObject({
      summary: { updated: 1, created: 0, rejected: 0 },
      problems: [],
    });
    ok(await editor.post(`${f.url}/commit`));
    const statuses = await t.db.query(
      `SELECT s.floor, p.status FROM storefronts s JOIN occupancy_periods p ON p.storefront_id = s.id AND p.valid_to IS NULL
        WHERE s.city_id = $1 ORDER BY s.floor`,
      [city.id],
    );
    expect(statuses).toEqual([
      { floor: 'ground', status: expect.not.stringMatching(/^vacant$/) },
      { floor: 'upper', status: 'vacant' },
    ]);
  });

  it('keeps the floors of one house apart: by address, and within one file', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const at = { type: 'Point', coordinates: [10.45312, 51.20913] };
    const upstairs = (
      await editor
        .post('/api/storefronts')
        .send(storefrontBody(city, { street: 'Badergasse', houseNumber: '18', floor: 'upper', location: at }))
        .expect(201)
    ).body as { id: string };
    const before = await t.db.query(`SELECT street, floor, version FROM storefronts WHERE id = $1`, [
      upstairs.id,
    ]);
    // An EG row at the address of the stored OG unit is a new unit, not the restaurant upstairs set vacant;
    // two floors of another house, neither stored, are two new units (not one unit's history).
    const list = Buffer.from(
      [
        'Straße;Hausnr.;Geschoss;Status;lat;lon',
        'Badergasse;18;Erdgeschoss;Leerstand;51.20913;10.45312',
        'Linsenstraße;40;Erdgeschoss;belegt;51.20950;10.45400',
        'Linsenstraße;40;Obergeschoss;Leerstand;51.20950;10.45400',
      ].join('\n'),
    );
    const p = await prepared(editor, city, list, 'etagen.csv', { referenceDate: '2026-01-01' });
    const dry = ok(await editor.post(`${p.url}/dry-run`));
    expect(dry.body.summary).toMatchObject({ created: 3, updated: 0, rejected: 0 });
    ok(await editor.post(`${p.url}/commit`));
    expect(
      await t.db.query(`SELECT street, floor, version FROM storefronts WHERE id = $1`, [upstairs.id]),
    ).toEqual(before);
    const units = await t.db.query(
      `SELECT s.street, s.house_number AS no, s.floor, p.status FROM storefronts s
         JOIN occupancy_periods p ON p.storefront_id = s.id AND p.valid_to IS NULL
        WHERE s.city_id = $1 AND s.id <> $2 ORDER BY s.street, s.floor`,
      [city.id, upstairs.id],
    );
    expect(units).toEqual([
      { street: 'Badergasse', no: '18', floor: 'ground', status: 'vacant' },
      { street: 'Linsenstraße', no: '40', floor: 'ground', status: 'occupied' },
      { street: 'Linsenstraße', no: '40', floor: 'upper', status: 'vacant' },
    ]);
  });

  it('does not match by proximity a row that names another street or house number than the one unit at the point', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const at = { type: 'Point', coordinates: [10.45312, 51.20913] };
    await editor
      .post('/api/storefronts')
      .send(storefrontBody(city, { street: 'Marktplatz', houseNumber: '7', location: at }))
      .expect(201);
    const list = (row: string) => Buffer.from(`Straße;Hausnr.;Status;lat;lon\n${row}`);
    // Another house number on the same street is another unit (a split or a renumbering), pointed out …
    const same = await prepared(editor, city, list('MARKTPLATZ;7a;Leerstand;51.20913;10.45312'), 'a.csv');
    const dry = ok(await editor.post(`${same.url}/dry-run`));
    expect(dry.body).toMatchObject({ summary: { updated: 0, created: 1 }, changes: [] });
    expect(dry.body.problems).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'NEAR_OTHER_NUMBER',
        severity: 'warning',
        value: 'MARKTPLATZ 7a',
        params: { stored: 'Marktplatz 7', distance: '0' },
      }),
    ]);
    // … another street is another unit: Marktplatz 7 is neither renamed nor set vacant.
    const other = await prepared(
      editor,
      city,
      list('Felchtaer Straße;99;Leerstand;51.20913;10.45312'),
      'b.csv',
    );
    expect(ok(await editor.post(`${other.url}/commit`)).body.summary).toMatchObject({
      created: 1,
      updated: 0,
      rejected: 0,
    });
    expect((await unitsOf(t.db, city.id)).map((u) => [u.street, u.no, u.status])).toEqual([
      ['Felchtaer Straße', '99', 'vacant'],
      ['Marktplatz', '7', 'occupied'],
    ]);
  });

  it('takes its own export back with a new business name, another spelling and a new note: one update, audited', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const list = (business: string, note: string) =>
      Buffer.from(
        `Objekt-Nr.;Straße;Hausnr.;Status;Betrieb;Breite;Länge;Bemerkung\n7;Brückenstraße;8a;belegt;${business};50,95;10,70;${note}`,
      );
    const first = await prepared(editor, city, list('Alpha', 'alt'), 'l.csv', {
      referenceDate: '2016-01-01',
    });
    ok(await editor.post(`${first.url}/commit`));
    const second = await prepared(editor, city, list('Beta', 'alt'), 'l2.csv', {
      referenceDate: '2019-06-01',
    });
    ok(await editor.post(`${second.url}/commit`));

    // The export's statusSince is when the status began (2016), before the current period (2019).
    const exported = await editor.get(`/api/exports/storefronts.csv?cityId=${city.id}`).expect(200);
    const [head, row] = exported.text.trim().split('\n') as [string, string];
    const cells = row.split(',');
    const at = (name: string): number => head.split(',').indexOf(name);
    expect(cells[at('statusSince')]).toBe('2016-01-01');
    cells[at('businessName')] = 'Gamma';
    cells[at('street')] = 'Brückenstr.';
    cells[at('houseNumber')] = '8 A';
    cells[at('notes')] = 'neu';
    const edited = Buffer.from(`${head}\n${cells.join(',')}\n`);

    const back = await prepared(editor, city, edited, 'export.csv', { referenceDate: '2026-01-01' });
    const preview = ok(await editor.post(`${back.url}/dry-run`));
    expect(preview.body.changes).toEqual([
      {
        line: 2,
        storefrontId: expect.any(String),
        address: 'Brückenstraße 8a',
        statusFrom: '2026-01-01',
        fields: [
          { field: 'notes', before: 'alt', after: 'neu' },
          { field: 'businessName', before: 'Beta', after: 'Gamma' },
        ],
      },
    ]);
    const done = ok(await editor.post(`${back.url}/commit`));
    expect(done.body.summary).toMatchObject({ updated: 1, historyExtended: 1, rejected: 0 });
    const periods = await t.db.query(
      `SELECT business_name AS business, valid_from::text AS "from", valid_to::text AS "to"
       FROM occupancy_periods WHERE city_id = $1 ORDER BY valid_from`,
      [city.id],
    );
    expect(periods).toEqual([
      { business: 'Alpha', from: '2016-01-01', to: '2019-06-01' },
      { business: 'Beta', from: '2019-06-01', to: '2026-01-01' },
      { business: 'Gamma', from: '2026-01-01', to: null },
    ]);
    const [unit] = await t.db.query(
      `SELECT street, house_number AS no, notes FROM storefronts WHERE city_id = $1`,
      [city.id],
    );
    expect(unit).toEqual({ street: 'Brückenstraße', no: '8a', notes: 'neu' });
    const [audit] = await t.db.query(
      `SELECT before->>'notes' AS before, after->>'notes' AS after FROM audit_log
       WHERE city_id = $1 AND entity_type = 'storefront' ORDER BY at DESC, id DESC LIMIT 1`,
      [city.id],
    );
    expect(audit).toEqual({ before: 'alt', after: 'neu' });

    // The same file again changes nothing: the spelling is no change.
    const again = await prepared(editor, city, edited, 'export.csv', { referenceDate: '2026-01-01' });
    expect(ok(await editor.post(`${again.url}/commit`)).body.summary).toMatchObject({
      unchanged: 1,
      updated: 0,
    });
  });

  it('fills in a business name not yet known in the current period instead of starting a new one', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const list = (business: string) =>
      Buffer.from(
        `Objekt-Nr.;Straße;Hausnr.;Status;Betrieb;Breite;Länge\n9;Marktstraße;8a;belegt;${business};50,95;10,70`,
      );
    ok(
      await editor.post(
        `${(await prepared(editor, city, list(''), 'l.csv', { referenceDate: '2025-11-15' })).url}/commit`,
      ),
    );
    const named = await prepared(editor, city, list('Salon Schnittpunkt'), 'l2.csv', {
      referenceDate: '2026-01-01',
    });
    const preview = ok(await editor.post(`${named.url}/dry-run`));
    expect(preview.body.changes).toEqual([
      expect.objectContaining({
        statusFrom: '2025-11-15',
        fields: [{ field: 'businessName', before: null, after: 'Salon Schnittpunkt' }],
      }),
    ]);
    ok(await editor.post(`${named.url}/commit`));
    const periods = await t.db.query(
      `SELECT status, business_name AS business, valid_from::text AS "from", valid_to FROM occupancy_periods WHERE city_id = $1`,
      [city.id],
    );
    expect(periods).toEqual([
      { status: 'occupied', business: 'Salon Schnittpunkt', from: '2025-11-15', valid_to: null },
    ]);

    // Another name later is a new tenant: a new period from the list's day.
    const next = await prepared(editor, city, list('Café Eck'), 'l3.csv', { referenceDate: '2026-03-01' });
    ok(await editor.post(`${next.url}/commit`));
    const after = await t.db.query(
      `SELECT business_name AS business, valid_from::text AS "from" FROM occupancy_periods WHERE city_id = $1 ORDER BY valid_from`,
      [city.id],
    );
    expect(after).toEqual([
      { business: 'Salon Schnittpunkt', from: '2025-11-15' },
      { business: 'Café Eck', from: '2026-03-01' },
    ]);
  });
});
