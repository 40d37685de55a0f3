import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { fixture, upload, writableTablesChecksum } from './fixtures/import-helpers.js';

/** Files that give a unit's history as several rows (docs/import-export.md, "Histories"). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function mapped(agent: Agent, city: TestCity, file: Buffer, name: string, changes: object = {}) {
  const up = await upload(agent, city.id, file, name).expect(201);
  const url = `/api/cities/${city.id}/imports/${up.body.id}`;
  const { mapping } = (await agent.get(`${url}/suggestions`).expect(200)).body;
  await agent
    .put(`${url}/mapping`)
    .send({ ...mapping, referenceDate: '2026-01-01', ...changes })
    .expect(200);
  return url;
}

/** Every period of the town's units, comparable across towns (by reference id, else address). */
function histories(db: DataSource, cityId: string) {
  return db.query<
    { unit: string; status: string; category: string | null; from: string; to: string | null }[]
  >(
    `SELECT COALESCE(s.reference_id, s.street || ' ' || s.house_number) AS unit, o.status, o.use_category AS category,
            to_char(o.valid_from, 'YYYY-MM-DD') AS "from", to_char(o.valid_to, 'YYYY-MM-DD') AS "to"
     FROM occupancy_periods o JOIN storefronts s ON s.id = o.storefront_id
     WHERE s.city_id = $1 ORDER BY 1, 4`,
    [cityId],
  );
}

describe('import of histories (several rows per unit)', () => {
  it('dry run: conflicting rows are reported row by row, units are counted once, nothing is written', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const url = await mapped(editor, city, fixture('storefronts-history-de.csv'), 'historie.csv');
    const before = await writableTablesChecksum(t.db, city.id);
    const dry = await editor.post(`${url}/dry-run`).expect(200);
    expect(dry.body.summary).toEqual({
      total: 9,
      created: 3,
      updated: 0,
      historyExtended: 0,
      unchanged: 0,
      rejected: 3,
      needsPlacing: 0,
      roundedPositions: 0,
    });
    expect(dry.body.committable).toBe(false);
    const brief = dry.body.problems.map(
      (p: { line: number; column: string; value: string; code: string }) => [
        p.line,
        p.column,
        p.value,
        p.code,
      ],
    );
    expect(brief).toEqual([
      [4, 'Leerstand seit', null, 'CONFLICTING_HISTORY'],
      [5, 'Leerstand seit', '01.06.2023', 'CONFLICTING_HISTORY'],
      [6, 'Leerstand seit', '01.06.2023', 'CONFLICTING_HISTORY'],
    ]);
    expect(dry.body.problems[1].reason).toMatch(/line 6 \(occupied \(retail_comparison\)\)/);
    // the unit's other row is kept out by line 5's problem: named for the dashboard's own sentence
    expect(dry.body.problems[0].params).toEqual({ otherLine: '5' });
    expect(dry.body.problems[1].params).toBeUndefined();
    expect(await writableTablesChecksum(t.db, city.id)).toBe(before);
  });

  it('a status dated before the current one began names that day (one row per unit and several)', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const first = await mapped(editor, city, fixture('storefronts-history-de.csv'), 'historie.csv', {
      skipInvalidRows: true,
    });
    await editor.post(`${first}/commit`).expect(200);
    // H-1: vacant 2021-03-01 – 2022-07-15, occupied since; H-3: vacant since 2024-02-01 (test above)
    const file = [
      'Objekt-Nr.;Straße;Hausnr.;Status;Nutzung;Leerstand seit',
      'H-3;Marktstraße;14;belegt;Gastronomie;01.01.2024',
      'H-1;Marktstraße;10;belegt;Gastronomie;01.01.2022',
      'H-1;Marktstraße;10;Leerstand;;01.05.2025',
    ].join('\r\n');
    const url = await mapped(editor, city, Buffer.from(file), 'frueher.csv');
    const dry = await editor.post(`${url}/dry-run`).expect(200);
    const brief = dry.body.problems.map(
      (p: { line: number; value: string; code: string; params?: object }) => [
        p.line,
        p.value,
        p.code,
        p.params,
      ],
    );
    expect(brief).toEqual([
      [2, '01.01.2024', 'DATE_BEFORE_CURRENT', { since: '01.02.2024' }],
      [3, '01.01.2022', 'DATE_BEFORE_CURRENT', { since: '15.07.2022' }],
      [4, null, 'DATE_BEFORE_CURRENT', { otherLine: '3' }],
    ]);
    expect(dry.body.problems[0].reason).toMatch(/before the current status began \(01\.02\.2024\)/);
  });

  it('commit builds the histories; a later list extends them; an export imported elsewhere gives the same histories', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const url = await mapped(editor, city, fixture('storefronts-history-de.csv'), 'historie.csv', {
      skipInvalidRows: true,
    });
    const done = await editor.post(`${url}/commit`).expect(200);
    expect(done.body.summary).toMatchObject({ created: 3, rejected: 3 });
    expect(await histories(t.db, city.id)).toEqual([
      { unit: 'H-1', status: 'vacant', category: null, from: '2021-03-01', to: '2022-07-15' },
      { unit: 'H-1', status: 'occupied', category: 'food_drink', from: '2022-07-15', to: null },
      { unit: 'H-3', status: 'vacant', category: null, from: '2024-02-01', to: null },
      { unit: 'Kirchgasse 2', status: 'vacant', category: null, from: '2019-04-01', to: '2020-10-01' },
      {
        unit: 'Kirchgasse 2',
        status: 'temporary_use',
        category: 'retail_comparison',
        from: '2020-10-01',
        to: null,
      },
    ]);

    // Next year's list: H-1 twice (the known status again, then a change), H-3 once.
    const next = [
      'Objekt-Nr.;Straße;Hausnr.;Status;Nutzung;Leerstand seit',
      'H-1;Marktstraße;10;belegt;Gastronomie;15.07.2022',
      'H-1;Marktstraße;10;Leerstand;;01.05.2025',
      'H-3;Marktstraße;14;Leerstand;;01.02.2024',
    ].join('\r\n');
    const url2 = await mapped(editor, city, Buffer.from(next), 'naechstes-jahr.csv');
    const second = await editor.post(`${url2}/commit`).expect(200);
    expect(second.body.summary).toMatchObject({
      total: 3,
      created: 0,
      updated: 1,
      historyExtended: 1,
      unchanged: 1,
      rejected: 0,
    });
    const h1 = (await histories(t.db, city.id)).filter((p) => p.unit === 'H-1');
    expect(h1.map((p) => [p.status, p.from, p.to])).toEqual([
      ['vacant', '2021-03-01', '2022-07-15'],
      ['occupied', '2022-07-15', '2025-05-01'],
      ['vacant', '2025-05-01', null],
    ]);

    // Round trip: storefronts export, then the history export, into an empty town.
    const units = await editor.get(`/api/exports/storefronts.csv?cityId=${city.id}&excel=de`).expect(200);
    const history = await editor.get(`/api/exports/occupancy.csv?cityId=${city.id}&excel=de`).expect(200);
    const copy = await createCity(t.db, [10.7, 50.95]);
    const copyEditor = await editorOf(t, copy.id);
    const u1 = await mapped(copyEditor, copy, Buffer.from(units.text), 'storefronts.csv');
    await copyEditor.post(`${u1}/commit`).expect(200);
    const h2 = await mapped(copyEditor, copy, Buffer.from(history.text), 'occupancy.csv');
    const prepended = await copyEditor.post(`${h2}/commit`).expect(200);
    expect(prepended.body.summary).toMatchObject({
      rejected: 0,
      needsPlacing: 0,
      created: 0,
      updated: 2,
      unchanged: 1,
    });
    expect(await histories(t.db, copy.id)).toEqual(await histories(t.db, city.id));

    // The history export into its own town changes nothing.
    const h3 = await mapped(editor, city, Buffer.from(history.text), 'occupancy.csv');
    const again = await editor.post(`${h3}/commit`).expect(200);
    expect(again.body.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });

    // Another status from the day the current one began: that period is corrected, none is added.
    const correction = [
      'Objekt-Nr.;Straße;Hausnr.;Status;Nutzung;Leerstand seit',
      'H-3;Marktstraße;14;belegt;Gastronomie;01.02.2024',
    ].join('\r\n');
    const url4 = await mapped(editor, city, Buffer.from(correction), 'korrektur.csv');
    const corrected = await editor.post(`${url4}/commit`).expect(200);
    expect(corrected.body.summary).toMatchObject({ created: 0, updated: 1, historyExtended: 1, rejected: 0 }); // a changed period
    expect((await histories(t.db, city.id)).filter((p) => p.unit === 'H-3')).toEqual([
      { unit: 'H-3', status: 'occupied', category: 'food_drink', from: '2024-02-01', to: null },
    ]);
  });
});
