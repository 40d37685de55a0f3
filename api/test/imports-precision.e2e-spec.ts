import { createTestApp, type TestApp } from './app.js';
import { editorOf, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { upload } from './fixtures/import-helpers.js';

/**
 * A list matched by reference id that is less exact than the stored data: coordinates rounded to fewer
 * decimals keep the stored position (a move beyond the rounding stays a move, a large one is pointed
 * out), and a street one typo from the stored spelling is warned about before it replaces it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const header = 'Objekt-Nr.;Straße;Hausnr.;Status;Breite;Länge';
const csv = (...rows: string[]): Buffer => Buffer.from([header, ...rows].join('\n'), 'utf8');

async function imported(editor: Agent, city: TestCity, file: Buffer, mapping: Record<string, unknown>) {
  const up = await upload(editor, city.id, file, 'liste.csv').expect(201);
  const url = `/api/cities/${city.id}/imports/${up.body.id}`;
  const suggested = (await editor.get(`${url}/suggestions`).expect(200)).body.mapping;
  await editor
    .put(`${url}/mapping`)
    .send({ ...suggested, ...mapping })
    .expect(200);
  return url;
}

const positions = (cityId: string) =>
  t.db.query<{ ref: string; street: string; no: string; lat: number; lon: number }[]>(
    `SELECT reference_id AS ref, street, house_number AS no, ST_Y(location) AS lat, ST_X(location) AS lon
     FROM storefronts WHERE city_id = $1 ORDER BY reference_id`,
    [cityId],
  );

describe('a list with coordinates rounded to fewer decimals than stored', () => {
  it('keeps the stored positions it only rounds, moves the others and warns of a move beyond 50 m', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const first = await imported(
      editor,
      city,
      csv(
        '1;Goethestraße;13;belegt;50,950450;10,700480',
        '2;Goethestraße;15;leer;50,950820;10,701260',
        '3;Markt;1;leer;50,951000;10,702000',
        '4;Markt;3;leer;50,953000;10,703000',
      ),
      { referenceDate: '2025-01-01' },
    );
    await editor.post(`${first}/commit`).expect(200);
    const before = await positions(city.id);

    // Next year's list, exported with three decimals (decimal comma as written): units 1 and 2 are
    // where they were (unit 1's rounding is 60 m, and its house number corrected — no other place);
    // unit 3 has moved 0.001° (111 m) north, beyond the rounding, and unit 4 0.0004° (44 m).
    const next = await imported(
      editor,
      city,
      csv(
        '1;Goethestraße;13a;leer;50,950;10,700',
        '2;Goethestraße;15;leer;50,951;10,701',
        '3;Markt;1;leer;50,952;10,702',
        '4;Markt;3;leer;50,9534;10,7030',
      ),
      { referenceDate: '2026-01-01' },
    );
    const dry = (await editor.post(`${next}/dry-run`).expect(200)).body;
    expect(dry.summary).toEqual({
      total: 4,
      created: 0,
      updated: 3,
      historyExtended: 1,
      unchanged: 1,
      rejected: 0,
      needsPlacing: 0,
      roundedPositions: 2,
    });
    expect(dry.changes.map((c: { line: number; fields: unknown[] }) => [c.line, c.fields])).toEqual([
      [
        2,
        [
          { field: 'address', before: 'Goethestraße 13', after: 'Goethestraße 13a' },
          { field: 'status', before: 'occupied', after: 'vacant' },
        ],
      ],
      [4, [{ field: 'location', before: null, after: '111' }]],
      [5, [{ field: 'location', before: null, after: '44' }]],
    ]);
    expect(dry.problems).toEqual([
      {
        line: 4,
        column: 'Breite',
        value: '50.952, 10.702',
        code: 'LARGE_MOVE',
        severity: 'warning',
        reason:
          'The unit (Markt 1) would move 111 m from its stored position: check the coordinates before committing.',
        params: { stored: 'Markt 1', distance: '111' },
      },
    ]);
    expect(dry.committable).toBe(true);

    const done = (await editor.post(`${next}/commit`).expect(200)).body;
    expect(done.summary).toEqual(dry.summary);
    expect(done.problems).toEqual(dry.problems);
    expect((await editor.get(next).expect(200)).body.summary).toEqual(dry.summary);
    // an import committed before the count: it kept no rounded position
    await t.db.query(`UPDATE imports SET summary = summary - 'roundedPositions' WHERE id = $1`, [
      next.split('/').pop(),
    ]);
    expect((await editor.get(next).expect(200)).body.summary).toMatchObject({ roundedPositions: 0 });
    const after = await positions(city.id);
    expect(after.map((u) => [u.ref, u.no, u.lat, u.lon])).toEqual([
      ['1', '13a', before[0]!.lat, before[0]!.lon],
      ['2', '15', before[1]!.lat, before[1]!.lon],
      ['3', '1', 50.952, 10.702],
      ['4', '3', 50.9534, 10.703],
    ]);
  });

  it('keeps it for a unit given by several rows (its history), an older row bringing the point', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const first = await imported(editor, city, csv('1;Markt;1;belegt;50,950450;10,700480'), {
      referenceDate: '2024-01-01',
    });
    await editor.post(`${first}/commit`).expect(200);
    const before = await positions(city.id);
    const history = (...rows: string[]) =>
      Buffer.from(['Objekt-Nr.;Straße;Hausnr.;Status;seit;Breite;Länge', ...rows].join('\n'));
    const next = await imported(
      editor,
      city,
      history('1;Markt;1;belegt;01.01.2024;50,950;10,700', '1;Markt;1;leer;01.06.2025;;'),
      { referenceDate: '2026-01-01' },
    );
    const dry = (await editor.post(`${next}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ updated: 1, roundedPositions: 1, rejected: 0 });
    expect(dry.changes[0].fields).not.toContainEqual(expect.objectContaining({ field: 'location' }));
    await editor.post(`${next}/commit`).expect(200);
    expect(await positions(city.id)).toEqual(before);
  });

  it('keeps a stored position from a WKT point with fewer decimals too', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const wkt = (...rows: string[]) =>
      Buffer.from(['Objekt-Nr.;Straße;Hausnr.;Status;WKT', ...rows].join('\n'));
    const first = await imported(editor, city, wkt('1;Markt;1;leer;POINT(10.700480 50.950460)'), {
      referenceDate: '2025-01-01',
    });
    await editor.post(`${first}/commit`).expect(200);
    const rounded = await imported(editor, city, wkt('1;Markt;1;leer;POINT(10.7005 50.9505)'), {
      referenceDate: '2026-01-01',
    });
    const dry = (await editor.post(`${rounded}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ unchanged: 1, updated: 0, roundedPositions: 1 });
    expect(dry.changes).toEqual([]);
  });
});

describe('a street one typo from the stored one in a row matched by reference id', () => {
  it('is warned about with both spellings and stays importable; another street is still a conflict', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const first = await imported(
      editor,
      city,
      csv(
        '7;Bahnhofstraße;12;leer;50,9501;10,7001',
        '8;Bahnhofstraße;14;leer;50,9502;10,7002',
        '9;Kirchgasse;3;leer;50,9503;10,7003',
      ),
      { referenceDate: '2025-01-01' },
    );
    await editor.post(`${first}/commit`).expect(200);

    // 7 without coordinates (was a REFERENCE_CONFLICT: „another street“), 8 at its stored point (was
    // written silently), 9 names another street without coordinates: a renumbered list.
    const typos = await imported(
      editor,
      city,
      csv('7;Bahnhofstrase;12;leer;;', '8;Bahnhfostraße;14;leer;50,9502;10,7002', '9;Lindenweg;3;leer;;'),
      { referenceDate: '2026-01-01', skipInvalidRows: true },
    );
    const dry = (await editor.post(`${typos}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ updated: 2, rejected: 1, created: 0 });
    expect(dry.problems).toEqual([
      {
        line: 2,
        column: 'Straße',
        value: 'Bahnhofstrase 12',
        code: 'ADDRESS_TYPO',
        severity: 'warning',
        reason:
          'The street differs from the stored address „Bahnhofstraße 12“ by one typo (a letter wrong, missing, added, or two swapped). The import would replace the stored spelling: check the file and correct it if it is a typo.',
        params: { stored: 'Bahnhofstraße 12' },
      },
      expect.objectContaining({
        line: 3,
        code: 'ADDRESS_TYPO',
        value: 'Bahnhfostraße 14',
        severity: 'warning',
        params: { stored: 'Bahnhofstraße 14' },
      }),
      expect.objectContaining({ line: 4, code: 'REFERENCE_CONFLICT', severity: 'error' }),
    ]);

    // The corrected file: no warning, and the stored spelling stays.
    const fixed = await imported(
      editor,
      city,
      csv('7;Bahnhofstr.;12;leer;;', '8;Bahnhofstraße;14;leer;50,9502;10,7002'),
      { referenceDate: '2026-01-01' },
    );
    const clean = (await editor.post(`${fixed}/dry-run`).expect(200)).body;
    expect(clean.problems).toEqual([]);
    expect(clean.summary).toMatchObject({ unchanged: 2, updated: 0 });
  });
});

describe('a row without reference id at the point of a stored unit', () => {
  const list = (...rows: string[]): Buffer =>
    Buffer.from(['Straße;Hausnr.;Status;seit;Breite;Länge', ...rows].join('\n'), 'utf8');
  const units = (cityId: string) =>
    t.db.query<{ street: string; no: string; status: string }[]>(
      `SELECT s.street, s.house_number AS no, p.status FROM storefronts s
         JOIN occupancy_periods p ON p.storefront_id = s.id AND p.valid_to IS NULL
        WHERE s.city_id = $1 ORDER BY s.street, s.house_number`,
      [cityId],
    );

  it('is that unit when its street is one typo from the stored one: warned, and the spelling corrected', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const week1 = await imported(editor, city, list('Görmarstrase;12a;leer;01.03.2024;51,21020;10,45410'), {
      referenceDate: '2026-11-30',
    });
    await editor.post(`${week1}/commit`).expect(200);

    const week2 = await imported(editor, city, list('Görmarstraße;12a;leer;01.03.2024;51,21020;10,45410'), {
      referenceDate: '2026-12-07',
    });
    const dry = (await editor.post(`${week2}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    expect(dry.problems).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'ADDRESS_TYPO',
        severity: 'warning',
        value: 'Görmarstraße 12a',
        params: { stored: 'Görmarstrase 12a' },
      }),
    ]);
    await editor.post(`${week2}/commit`).expect(200);
    expect(await units(city.id)).toEqual([{ street: 'Görmarstraße', no: '12a', status: 'vacant' }]);
  });

  it('is a new unit, pointed out, when it has another house number (a split unit); the stored one stays', async () => {
    const city = await createCity(t.db, [10.45, 51.21]);
    const editor = await editorOf(t, city.id);
    const stored = await imported(editor, city, list('Steinweg;34;belegt;01.01.2020;51,210075;10,462850'), {
      referenceDate: '2026-01-01',
    });
    await editor.post(`${stored}/commit`).expect(200);

    const split = await imported(
      editor,
      city,
      list(
        'Steinweg;34a;leer;01.10.2026;51,210070;10,462841',
        'Steinweg;34b;vermietet;01.11.2026;51,210080;10,462860',
        'Steinweg;34;belegt;01.01.2020;51,210075;10,462850',
      ),
      { referenceDate: '2026-11-30' },
    );
    const dry = (await editor.post(`${split}/dry-run`).expect(200)).body;
    expect(dry.summary).toMatchObject({ created: 2, updated: 0, unchanged: 1, rejected: 0 });
    expect(dry.problems).toEqual([
      {
        line: 2,
        column: 'Straße',
        value: 'Steinweg 34a',
        code: 'NEAR_OTHER_NUMBER',
        severity: 'warning',
        reason:
          'The row lies 1 m from Steinweg 34, which has another house number, and becomes a new unit. Was Steinweg 34 split or renumbered? Then end its history or correct its address in the dashboard; the import changes nothing there.',
        params: { stored: 'Steinweg 34', distance: '1' },
      },
      expect.objectContaining({
        line: 3,
        code: 'NEAR_OTHER_NUMBER',
        params: { stored: 'Steinweg 34', distance: '1' },
      }),
    ]);
    expect(dry.committable).toBe(true);
    // the dry run lists the new units, so a duplicate of a stored one shows before it is written
    expect(dry.newUnits).toEqual([
      { line: 2, address: 'Steinweg 34a', status: 'vacant' },
      { line: 3, address: 'Steinweg 34b', status: 'occupied' },
    ]);
    await editor.post(`${split}/commit`).expect(200);
    expect(await units(city.id)).toEqual([
      { street: 'Steinweg', no: '34', status: 'occupied' },
      { street: 'Steinweg', no: '34a', status: 'vacant' },
      { street: 'Steinweg', no: '34b', status: 'occupied' },
    ]);
  });
});
