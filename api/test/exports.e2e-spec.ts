import ExcelJS from 'exceljs';
import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import { unitsOf, upload } from './fixtures/import-helpers.js';
import { binary } from './binary-body.js';

/** Exports filtered like the map and scoped by role; export → import gives the same units. */
let t: TestApp;
let town: TestCity;
let editor: Agent;
beforeAll(async () => {
  t = await createTestApp();
  town = await createCity(t.db, [10.7, 50.95], 20000, false);
  editor = await editorOf(t, town.id);
  const units = [
    { street: 'Marktstraße', houseNumber: '1', status: 'vacant', floorAreaM2: 85.5, date: '2021-03-01' },
    {
      street: 'Marktstraße',
      houseNumber: '3a',
      status: 'occupied',
      useCategory: 'food_drink',
      floorAreaM2: 120,
      date: '2019-05-01',
    },
    {
      street: '=HYPERLINK("http://evil.example","klick")',
      houseNumber: '5',
      status: 'temporary_use',
      useCategory: 'services',
      date: '2022-01-01',
    },
  ];
  for (const [i, u] of units.entries()) {
    const created = await editor
      .post('/api/storefronts')
      .send(
        storefrontBody(town, {
          street: u.street,
          houseNumber: u.houseNumber,
          floorAreaM2: u.floorAreaM2,
          referenceId: `R-${i + 1}`,
          notes: i === 0 ? 'Eigentümer verhandelt' : undefined,
          location: { type: 'Point', coordinates: [10.7 + 0.001 * i, 50.95 + 0.0005 * i] },
          initialStatus: {
            date: u.date,
            status: u.status,
            ...(u.useCategory ? { useCategory: u.useCategory } : {}),
          },
        }),
      )
      .expect(201);
    if (i === 0) {
      await t.db.query(
        `INSERT INTO storefront_contacts (storefront_id, city_id, owner_name, owner_phone) VALUES ($1, $2, '@Müller', '+49 3601 1234')`,
        [created.body.id, town.id],
      );
    }
  }
});
afterAll(() => t.close());

const csvRows = (body: Buffer | string, delimiter: string) =>
  String(body)
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(delimiter));

describe('exports', () => {
  it('CSV for German Excel: BOM, semicolons, decimal commas, German names and words, formulas neutralised, contacts for the town’s editors', async () => {
    const res = await editor
      .get(`/api/exports/storefronts.csv?cityId=${town.id}&excel=de`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers['content-disposition']).toMatch(
      /filename="storefronts-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [header, ...rows] = csvRows(bytes.toString('utf8'), ';');
    expect(header!.slice(0, 5)).toEqual(['Ladenlokal-ID', 'Stadt', 'Objekt-Nr.', 'Straße', 'Hausnummer']);
    expect(header).toEqual(
      expect.arrayContaining(['Fläche (m²)', 'Status', 'Geschoss', 'Eigentümer', 'Notizen']),
    );
    const col = (name: string) => header!.indexOf(name);
    const first = rows.find((r) => r[col('Objekt-Nr.')] === 'R-1')!;
    expect(first[col('Fläche (m²)')]).toBe('85,5');
    expect(first[col('Eigentümer')]).toBe("'@Müller");
    expect(first[col('Telefon')]).toBe("'+49 3601 1234");
    expect(first[col('Notizen')]).toBe('Eigentümer verhandelt');
    expect(first[col('Geschoss')]).toBe('Erdgeschoss');
    expect(['Genutzt', 'Leerstand']).toContain(first[col('Status')]);
    expect(['ja', 'nein']).toContain(first[col('Im Innenstadtbereich')]);
    const evil = rows.find((r) => r[col('Objekt-Nr.')] === 'R-3')!;
    expect(evil[col('Straße')]).toMatch(/^"'=HYPERLINK/);
  });

  it('viewers and network members get no personal columns; another town’s editor gets 403; anonymous 401', async () => {
    const viewer = await signedIn(t, [{ role: 'viewer', cityId: town.id }]);
    const res = await viewer.get(`/api/exports/storefronts.csv?cityId=${town.id}`).expect(200);
    const [header, ...rows] = csvRows(res.text, ',');
    expect(header).not.toContain('ownerName');
    expect(header).not.toContain('notes');
    expect(rows).toHaveLength(3);
    expect(res.text).not.toMatch(/Müller|verhandelt/);
    const other = await createCity(t.db, [10.3, 50.98]);
    await (await editorOf(t, other.id)).get(`/api/exports/storefronts.csv?cityId=${town.id}`).expect(403);
    await request(t.http).get(`/api/exports/storefronts.csv?cityId=${town.id}`).expect(401);
    // Without a town filter an editor of another town does not see this town at all.
    const unscoped = await (await editorOf(t, other.id)).get('/api/exports/storefronts.geojson').expect(200);
    expect(
      JSON.parse(unscoped.text).features.some(
        (f: { properties: { citySlug: string } }) => f.properties.citySlug === town.slug,
      ),
    ).toBe(false);
  });

  it('filters like the map, and XLSX carries the history as a second sheet with neutralised cells', async () => {
    const vacant = await editor
      .get(`/api/exports/storefronts.geojson?cityId=${town.id}&status=vacant`)
      .expect(200);
    expect(vacant.headers['content-type']).toMatch(/application\/geo\+json/);
    const features = JSON.parse(vacant.text).features;
    expect(features).toHaveLength(1);
    expect(features[0].geometry.coordinates).toEqual([10.7, 50.95]);
    const xlsx = await editor
      .get(`/api/exports/storefronts.xlsx?cityId=${town.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Storefronts', 'Occupancy history']);
    const cells = workbook.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(cells.some((v) => v.startsWith("'=HYPERLINK"))).toBe(true);
    expect(cells.some((v) => v.startsWith('='))).toBe(false);
    expect(workbook.worksheets[1]!.rowCount).toBe(4);
    // Days are Excel dates (sortable, shown German), not text.
    const units = workbook.worksheets[0]!;
    const since = (units.getRow(1).values as unknown[]).indexOf('statusSince');
    const sinceCell = units.getRow(2).getCell(since);
    expect(sinceCell.value).toBeInstanceOf(Date);
    expect((sinceCell.value as Date).toISOString()).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(sinceCell.numFmt).toBe('dd.mm.yyyy');
    const history = await editor.get(`/api/exports/occupancy.csv?cityId=${town.id}`).expect(200);
    expect(csvRows(history.text, ',')[0]).toEqual([
      'storefrontId',
      'referenceId',
      'street',
      'houseNumber',
      'status',
      'useCategory',
      'businessName',
      'validFrom',
      'validTo',
    ]);
    const kpis = await editor.get(`/api/exports/kpis.csv?cityId=${town.id}&asOf=2025-01-01`).expect(200);
    const [kHeader, kRow] = csvRows(kpis.text, ',');
    expect(kRow![kHeader!.indexOf('units')]).toBe('3');
    expect(kRow![kHeader!.indexOf('vacantUnits')]).toBe('1');
  });

  it('writes the KPIs for German Excel with German column names, decimal commas and ja/nein', async () => {
    const plain = await editor.get(`/api/exports/kpis.csv?cityId=${town.id}&asOf=2025-01-01`).expect(200);
    const german = await editor
      .get(`/api/exports/kpis.csv?cityId=${town.id}&asOf=2025-01-01&excel=de`)
      .expect(200);
    expect(german.text.startsWith('\uFEFF')).toBe(true);
    const [en, enRow] = csvRows(plain.text, ',');
    const [de, deRow] = csvRows(german.text, ';');
    expect(de).toHaveLength(en!.length);
    const column = (name: string) => deRow![de!.indexOf(name)];
    expect(column('Stadt')).toBe(enRow![en!.indexOf('town')]);
    expect(column('Ladenlokale im Innenstadtbereich')).toBe('3');
    expect(column('Leerstehende Ladenlokale')).toBe('1');
    expect(column('Leerstandsquote')).toBe(enRow![en!.indexOf('vacancyRate')]!.replace('.', ','));
    expect(column('Leerstandsquote')).toMatch(/^0,3+\d*$/); // 1 of 3
    expect(column('Innenstadtbereich vorläufig')).toBe('ja');
    expect(de).toContain('Nutzungsmix: Gastronomie');
    expect(de).toContain('Nutzungsmix: ohne Angabe');
    expect(de).toContain('Eröffnungen');
    // no column left with its English key (a KPI added later needs a German name too)
    expect(de!.filter((h) => /^[a-z][A-Za-z0-9_.]*$/.test(h))).toEqual([]);
  });

  it('exports the KPIs of more towns than one KPI request takes (an admin sees all of them)', async () => {
    const admin = await signedIn(t, [], true);
    const prefix = `batch-${Date.now()}`;
    // 501 closed towns (no open data: invisible to the other test files' anonymous reads), removed afterwards.
    await t.db.query(
      `INSERT INTO cities (slug, name, ags, state, population, population_year, centre, boundary, perimeter, perimeter_is_placeholder, open_data)
       SELECT $1 || '-' || i, 'Stapelstadt ' || i, lpad((90000000 + (extract(epoch FROM now())::bigint % 9000) * 1000 + i)::text, 8, '0'),
              'Thüringen', 1000, 2019, ST_SetSRID(ST_MakePoint(11, 51), 4326),
              ST_Multi(ST_MakeEnvelope(10.99, 50.99, 11.01, 51.01, 4326)), ST_Multi(ST_MakeEnvelope(10.999, 50.999, 11.001, 51.001, 4326)),
              true, false
       FROM generate_series(1, 501) i`,
      [prefix],
    );
    try {
      const res = await admin.get('/api/exports/kpis.csv?asOf=2025-01-01').expect(200);
      const [header, ...rows] = csvRows(res.text, ',');
      const towns = rows.map((r) => r[header!.indexOf('town')]);
      expect(towns.filter((n) => n?.startsWith('Stapelstadt '))).toHaveLength(501);
      expect(new Set(towns).size).toBe(towns.length);
    } finally {
      await t.db.query(`DELETE FROM cities WHERE slug LIKE $1 || '-%'`, [prefix]);
    }
  });

  it('round trip: the export imported into an empty town gives the same units; into the same town, nothing changes', async () => {
    const csv = await editor.get(`/api/exports/storefronts.csv?cityId=${town.id}&excel=de`).expect(200);
    const copy = await createCity(t.db, [10.7, 50.95]);
    for (const [target, expected] of [
      [copy, { created: 3, updated: 0, unchanged: 0 }],
      [town, { created: 0, updated: 0, unchanged: 3 }],
    ] as const) {
      const agent = target === town ? editor : await editorOf(t, target.id);
      const up = await upload(agent, target.id, Buffer.from(csv.text), 'storefronts.csv').expect(201);
      const url = `/api/cities/${target.id}/imports/${up.body.id}`;
      const { mapping } = (await agent.get(`${url}/suggestions`).expect(200)).body;
      expect(mapping.columns).toMatchObject({
        referenceId: 'Objekt-Nr.',
        street: 'Straße',
        houseNumber: 'Hausnummer',
        lat: 'Breitengrad',
        lon: 'Längengrad',
        floorAreaM2: 'Fläche (m²)',
        frontageM: 'Schaufensterfront (m)',
        floor: 'Geschoss',
        status: 'Status',
        useCategory: 'Nutzung',
        businessName: 'Betrieb',
        statusSince: 'Status seit',
        notes: 'Notizen',
      });
      // (its German words are understood without mapping them by hand: else the commit rejects rows)
      await agent
        .put(`${url}/mapping`)
        .send({ ...mapping, referenceDate: '2025-01-01' })
        .expect(200);
      const done = await agent.post(`${url}/commit`).expect(200);
      expect(done.body.summary).toMatchObject({ ...expected, rejected: 0 });
    }
    expect(await unitsOf(t.db, copy.id)).toEqual(await unitsOf(t.db, town.id));
  });

  it('round trip: the workbook (written sheet by sheet, strings inline) imported into an empty town gives the same units', async () => {
    const xlsx = await editor
      .get(`/api/exports/storefronts.xlsx?cityId=${town.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Number(xlsx.headers['content-length'])).toBe((xlsx.body as Buffer).length);
    const copy = await createCity(t.db, [10.7, 50.95]);
    const agent = await editorOf(t, copy.id);
    const up = await upload(agent, copy.id, xlsx.body as Buffer, 'storefronts.xlsx').expect(201);
    const url = `/api/cities/${copy.id}/imports/${up.body.id}`;
    const { mapping } = (await agent.get(`${url}/suggestions`).expect(200)).body;
    await agent
      .put(`${url}/mapping`)
      .send({ ...mapping, referenceDate: '2025-01-01' })
      .expect(200);
    const done = await agent.post(`${url}/commit`).expect(200);
    expect(done.body.summary).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await unitsOf(t.db, copy.id)).toEqual(await unitsOf(t.db, town.id));
  });
});
