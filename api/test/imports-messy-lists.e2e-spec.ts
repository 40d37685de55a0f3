import { createTestApp, type TestApp } from './app.js';
import { editorOf, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { upload } from './fixtures/import-helpers.js';

/**
 * Lists as a town keeps them by hand: a row copied twice, Excel's four-digit postcodes, month names as
 * dates, a total row at the end, a header over two rows.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function imported(
  editor: Agent,
  city: TestCity,
  file: Buffer,
  mapping: Record<string, unknown>,
  fileName = 'liste.csv',
) {
  const up = await upload(editor, city.id, file, fileName).expect(201);
  const url = `/api/cities/${city.id}/imports/${up.body.id}`;
  const suggested = (await editor.get(`${url}/suggestions`).expect(200)).body.mapping;
  await editor
    .put(`${url}/mapping`)
    .send({ ...suggested, ...mapping })
    .expect(200);
  return url;
}

const csv = (header: string, ...rows: string[]): Buffer =>
  Buffer.from([header, ...rows].join('\r\n'), 'utf8');

const HEADER = 'Objekt-Nr.;Adresse;Zustand;seit;Breitengrad;Längengrad';

/** A town whose unit MHL-0056, Brückenstr. 7 a, is occupied since 2020 (imported), and its editor. */
async function storedBrueckenstrasse() {
  const city = await createCity(t.db, [10.46, 51.21]);
  const editor = await editorOf(t, city.id);
  const first = await imported(
    editor,
    city,
    csv(HEADER, 'MHL-0056;Brückenstr. 7 a;vermietet;01.01.2020;51,209361;10,460275'),
    { referenceDate: '2024-01-01' },
  );
  await editor.post(`${first}/commit`).expect(200);
  return { city, editor, header: HEADER };
}

describe('a row repeated word for word', () => {
  it('is left out without making its unit a history: the change is explained under the first line', async () => {
    const { city, editor, header } = await storedBrueckenstrasse();

    const row = 'MHL-0056;Brückenstr. 7 a;Leerstand;1.3.24;51,209361;10,460275';
    const twice = await imported(
      editor,
      city,
      csv(header, 'MHL-0021;Brückenstr. 1;leer;01.05.2026;51,209508;10,459629', row, row),
      {
        referenceDate: '2026-11-30',
      },
    );
    const dry = (await editor.post(`${twice}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ created: 1, updated: 1, rejected: 0 });
    expect(dry.changes).toEqual([
      expect.objectContaining({
        line: 3,
        statusFrom: '2024-03-01',
        fields: [{ field: 'status', before: 'occupied', after: 'vacant' }],
      }),
    ]);
    expect(dry.problems).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'DUPLICATE_IN_FILE',
        severity: 'warning',
        params: { context: 'repeat', firstLine: '3' },
      }),
    ]);
    await editor.post(`${twice}/commit`).expect(200);
    const periods = await t.db.query(
      `SELECT p.status, to_char(p.valid_from, 'YYYY-MM-DD') AS "from" FROM occupancy_periods p
         JOIN storefronts s ON s.id = p.storefront_id WHERE s.city_id = $1 AND s.reference_id = 'MHL-0056'
        ORDER BY p.valid_from`,
      [city.id],
    );
    expect(periods).toEqual([
      { status: 'occupied', from: '2020-01-01' },
      { status: 'vacant', from: '2024-03-01' },
    ]);
  });
});

describe('a unit given by several rows', () => {
  it('shows its last status change and its day in the dry run, besides the growing history', async () => {
    const { city, editor, header } = await storedBrueckenstrasse();
    const history = await imported(
      editor,
      city,
      csv(
        header,
        'MHL-0056;Brückenstr. 7 a;Leerstand;1.3.24;51,209361;10,460275',
        'MHL-0056;Brückenstr. 7 a;Zwischennutzung;1.6.25;51,209361;10,460275',
      ),
      { referenceDate: '2026-11-30' },
    );
    const dry = (await editor.post(`${history}/dry-run`).expect(200)).body;
    expect(dry.changes).toEqual([
      expect.objectContaining({
        statusFrom: '2025-06-01',
        fields: [
          { field: 'status', before: 'occupied', after: 'temporary_use' },
          { field: 'history', before: null, after: null },
        ],
      }),
    ]);
  });
});

describe('a postcode Excel shortened to four digits', () => {
  const header = 'Adresse;PLZ;Zustand;Breitengrad;Längengrad';
  const postcodes = (cityId: string) =>
    t.db.query<{ street: string; postcode: string }[]>(
      `SELECT street, postcode FROM storefronts WHERE city_id = $1 ORDER BY street`,
      [cityId],
    );

  it('is refused where the town’s postcodes do not begin with 0 (not „repaired“ into another state’s)', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const url = await imported(
      editor,
      city,
      csv(
        header,
        'Brückenstr. 1;99974;leer;51,209508;10,459629',
        'Linsenstraße 12-14;9974;Leerstand;51,2101;10,4555',
      ),
      { referenceDate: '2026-11-30', skipInvalidRows: true },
    );
    const dry = (await editor.post(`${url}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ created: 1, rejected: 1 });
    expect(dry.problems).toEqual([
      {
        line: 3,
        column: 'PLZ',
        value: '9974',
        code: 'INVALID_VALUE',
        severity: 'error',
        reason:
          'A postcode has five digits. Excel drops a leading zero (01067), but this town’s postcodes do not begin with 0: write all five digits.',
        params: { context: 'postcodeFourDigits' },
      },
    ]);
    await editor.post(`${url}/commit`).expect(200);
    expect(await postcodes(city.id)).toEqual([{ street: 'Brückenstr.', postcode: '99974' }]);
  });

  it('gets its zero back where the file’s or the town’s postcodes begin with 0', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const first = await imported(
      editor,
      city,
      csv(header, 'Markt 1;06567;leer;51,209508;10,459629', 'Markt 2;6567;leer;51,2101;10,4555'),
      { referenceDate: '2026-11-30' },
    );
    expect((await editor.post(`${first}/dry-run`).expect(200)).body.problems).toEqual([]);
    await editor.post(`${first}/commit`).expect(200);
    // the next list has only shortened ones: the town's stored postcodes tell
    const next = await imported(editor, city, csv(header, 'Markt 3;6567;leer;51,2111;10,4565'), {
      referenceDate: '2026-11-30',
    });
    expect((await editor.post(`${next}/dry-run`).expect(200)).body.problems).toEqual([]);
    await editor.post(`${next}/commit`).expect(200);
    expect((await postcodes(city.id)).map((u) => u.postcode)).toEqual(['06567', '06567', '06567']);
  });
});

describe('a total row at the foot of the list', () => {
  it('is left out with a hint, not rejected: the total word in an unmapped or in the reference column', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const file = csv(
      'Lfd. Nr.;Objekt-Nr.;Adresse;Zustand;Fläche m²;Breitengrad;Längengrad',
      '1;MHL-1;Markt 1;leer;30;51,2095;10,4520',
      'Total;MHL-2;Markt 2;leer;40;51,2097;10,4522',
      ';;;;;;',
      'Summe;;;;70;;',
      ';Gesamt:;;;"2.011,0";;',
    );
    const url = await imported(editor, city, file, { referenceDate: '2026-11-30' });
    const dry = (await editor.post(`${url}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ created: 2, rejected: 0, needsPlacing: 0 });
    expect(dry.problems).toEqual([
      {
        line: 5,
        column: 'Lfd. Nr.',
        value: 'Summe',
        code: 'TOTAL_ROW',
        severity: 'warning',
        reason: 'A total row („Summe“), not a unit: left out.',
      },
      expect.objectContaining({ line: 6, column: 'Objekt-Nr.', value: 'Gesamt:', code: 'TOTAL_ROW' }),
    ]);
    expect(dry.committable).toBe(true);
    await editor.post(`${url}/commit`).expect(200);
    const units = await t.db.query(
      `SELECT reference_id AS ref FROM storefronts WHERE city_id = $1 ORDER BY 1`,
      [city.id],
    );
    expect(units).toEqual([{ ref: 'MHL-1' }, { ref: 'MHL-2' }]);
  });
});
