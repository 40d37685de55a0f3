import { createTestApp, type TestApp } from './app.js';
import { editorOf, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { unitsOf, upload } from './fixtures/import-helpers.js';
import { ImportsRepository } from '../src/imports/imports.repository.js';

/**
 * A commit reuses its dry run's plan only while nothing the plan read has changed (migration
 * FasterImportCommit, api/src/imports/import-plan-store.ts): the town's units, periods and contacts,
 * and the mapping. Otherwise it plans again and answers what it really did.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HEADER = 'Objekt-Nr.;Straße;Hausnr.;Status;Eigentümer;lat;lon';

/** A unit with one open period (from 2020-01-01) and, if given, a landlord contact. */
async function unit(city: TestCity, ref: string, status: string, owner?: string): Promise<string> {
  const [row] = await t.db.query<{ id: string }[]>(
    `INSERT INTO storefronts (city_id, street, house_number, location, reference_id)
     VALUES ($1, 'Planstraße', $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $2) RETURNING id`,
    [city.id, ref, city.centre[0], city.centre[1]],
  );
  await t.db.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from)
     VALUES ($1, $2, $3, CASE WHEN $3 = 'occupied' THEN 'food_drink' END, '2020-01-01')`,
    [row!.id, city.id, status],
  );
  if (owner) {
    await t.db.query(
      `INSERT INTO storefront_contacts (storefront_id, city_id, owner_name) VALUES ($1, $2, $3)`,
      [row!.id, city.id, owner],
    );
  }
  return row!.id;
}

/** Uploads the lines, maps them as suggested (plus `changes`) and answers the import's URL. */
async function mapped(
  editor: Agent,
  city: TestCity,
  lines: string[],
  changes: Record<string, unknown> = {},
): Promise<string> {
  const csv = Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
  const up = await upload(editor, city.id, csv, 'liste.csv').expect(201);
  const url = `/api/cities/${city.id}/imports/${up.body.id}`;
  const s = await editor.get(`${url}/suggestions`).expect(200);
  const mapping = { ...s.body.mapping, referenceDate: '2025-01-01', ...changes };
  await editor.put(`${url}/mapping`).send(mapping).expect(200);
  return url;
}

const at = (city: TestCity, dx: number): string =>
  `${city.centre[1].toFixed(6)};${(city.centre[0] + dx).toFixed(6)}`;

const plansOf = async (importUrl: string): Promise<number> => {
  const id = importUrl.split('/').pop();
  const [row] = await t.db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM import_plans WHERE import_id = $1`,
    [id],
  );
  return row!.n;
};

describe('commit after a dry run', () => {
  it('writes the kept plan when the town is unchanged, and forgets it afterwards', async () => {
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const url = await mapped(editor, city, [
      `N-1;Neue Straße;1;Leerstand;;${at(city, 0.001)}`,
      `N-2;Neue Straße;2;belegt;;${at(city, 0.002)}`,
    ]);
    const dry = await editor.post(`${url}/dry-run`).expect(200);
    expect(dry.body.summary).toMatchObject({ created: 2, rejected: 0 });
    expect(await plansOf(url)).toBe(1);
    // The commit answers the kept plan's summary: proof that it did not plan again.
    await t.db.query(
      `UPDATE import_plans SET outcome = jsonb_set(outcome, '{summary,unchanged}', '7')
       WHERE import_id = $1`,
      [url.split('/').pop()],
    );
    const done = await editor.post(`${url}/commit`).expect(200);
    expect(done.body.summary).toMatchObject({ created: 2, unchanged: 7 });
    expect((await unitsOf(t.db, city.id)).map((u) => [u.ref, u.status])).toEqual([
      ['N-1', 'vacant'],
      ['N-2', 'occupied'],
    ]);
    expect(await plansOf(url)).toBe(0);
  });

  it('plans again when a contact of the town changed in between (the file no longer changes it)', async () => {
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const id = await unit(city, 'K-1', 'vacant', 'Alt GmbH');
    const url = await mapped(editor, city, [`K-1;Planstraße;K-1;Leerstand;Neu GmbH;;`]);
    const dry = await editor.post(`${url}/dry-run`).expect(200);
    expect(dry.body.summary).toMatchObject({ updated: 1, unchanged: 0 });

    await t.db.query(`UPDATE storefront_contacts SET owner_name = 'Neu GmbH' WHERE storefront_id = $1`, [id]);
    const done = await editor.post(`${url}/commit`).expect(200);
    expect(done.body.summary).toMatchObject({ updated: 0, unchanged: 1 });
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audit).toHaveLength(0); // an unchanged unit gets no audit record
  });

  it('plans again when a unit’s history changed in between (no stale period is closed)', async () => {
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const id = await unit(city, 'H-1', 'occupied');
    const url = await mapped(editor, city, [`H-1;Planstraße;H-1;Leerstand;;;`]);
    const dry = await editor.post(`${url}/dry-run`).expect(200);
    expect(dry.body.summary).toMatchObject({ updated: 1, historyExtended: 1 });

    // Meanwhile the dashboard records the vacancy from 2024-06-01.
    await t.db.transaction(async (em) => {
      await em.query(
        `UPDATE occupancy_periods SET valid_to = '2024-06-01' WHERE storefront_id = $1 AND valid_to IS NULL`,
        [id],
      );
      await em.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) VALUES ($1, $2, 'vacant', '2024-06-01')`,
        [id, city.id],
      );
    });
    const done = await editor.post(`${url}/commit`).expect(200);
    expect(done.body.summary).toMatchObject({ updated: 0, historyExtended: 0, unchanged: 1 });
    const periods = await t.db.query<{ status: string; from: string; to: string | null }[]>(
      `SELECT status, to_char(valid_from, 'YYYY-MM-DD') AS from, to_char(valid_to, 'YYYY-MM-DD') AS to
       FROM occupancy_periods WHERE storefront_id = $1 ORDER BY valid_from`,
      [id],
    );
    expect(periods).toEqual([
      { status: 'occupied', from: '2020-01-01', to: '2024-06-01' },
      { status: 'vacant', from: '2024-06-01', to: null },
    ]);
  });

  it('plans again with a new mapping saved after the dry run', async () => {
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const url = await mapped(editor, city, [`M-1;Neue Straße;1;Leerstand;;${at(city, 0.001)}`]);
    await editor.post(`${url}/dry-run`).expect(200);
    expect(await plansOf(url)).toBe(1);
    const s = await editor.get(`${url}/suggestions`).expect(200);
    await editor
      .put(`${url}/mapping`)
      .send({ ...s.body.mapping, referenceDate: '2025-03-01' })
      .expect(200);
    expect(await plansOf(url)).toBe(0);
    await editor.post(`${url}/commit`).expect(200);
    expect((await unitsOf(t.db, city.id)).map((u) => u.since)).toEqual(['2025-03-01']);
  });

  it('never saves a mapping over a file a commit has claimed (a 409, the plan and status stay)', async () => {
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const url = await mapped(editor, city, [`C-1;Neue Straße;1;Leerstand;;${at(city, 0.001)}`]);
    await editor.post(`${url}/dry-run`).expect(200);
    const id = url.split('/').pop()!;
    const s = await editor.get(`${url}/suggestions`).expect(200);
    const imports = t.app.get(ImportsRepository);
    expect(await imports.claimForCommit(id)).toBe(true);
    // The repository itself refuses, for a save that passed the service's status check just before the claim.
    expect(await imports.saveMapping(id, { ...s.body.mapping, referenceDate: '2025-03-01' })).toBe(false);
    const refused = await editor
      .put(`${url}/mapping`)
      .send({ ...s.body.mapping, referenceDate: '2025-03-01' })
      .expect(409);
    expect(refused.body.code).toBe('VERSION_CONFLICT');
    const [row] = await t.db.query<{ status: string; referenceDate: string }[]>(
      `SELECT status, mapping->>'referenceDate' AS "referenceDate" FROM imports WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'committing', referenceDate: '2025-01-01' });
    expect(await plansOf(url)).toBe(1);
  });

  it('deletes expired uploads with their cells and plans at the next upload; a running commit stays', async () => {
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const lines = [`P-1;Neue Straße;1;Leerstand;Erika Muster;${at(city, 0.001)}`];
    const expired = await mapped(editor, city, lines);
    await editor.post(`${expired}/dry-run`).expect(200);
    const committing = await mapped(editor, city, lines);
    const fresh = await mapped(editor, city, lines);
    const idOf = (url: string) => url.split('/').pop()!;
    const [plan] = await t.db.query<{ id: string }[]>(`SELECT id FROM import_plans WHERE import_id = $1`, [
      idOf(expired),
    ]);
    expect((await t.db.query(`SELECT 1 FROM import_plan_rows WHERE plan_id = $1`, [plan!.id])).length).toBe(
      1,
    );
    await t.db.query(
      `UPDATE imports SET expires_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`,
      [[idOf(expired), idOf(committing)]],
    );
    await t.db.query(`UPDATE imports SET status = 'committing' WHERE id = $1`, [idOf(committing)]);
    await editor.get(expired).expect(404); // hidden as soon as it expires
    await mapped(editor, city, lines); // the next upload purges
    const left = await t.db.query<{ id: string }[]>(`SELECT id FROM imports WHERE id = ANY($1::uuid[])`, [
      [idOf(expired), idOf(committing), idOf(fresh)],
    ]);
    expect(left.map((r) => r.id).sort()).toEqual([idOf(committing), idOf(fresh)].sort());
    expect(await plansOf(expired)).toBe(0);
    expect((await t.db.query(`SELECT 1 FROM import_plan_rows WHERE plan_id = $1`, [plan!.id])).length).toBe(
      0,
    );
  });

  it('keeps no plan for a file that cannot be committed', async () => {
    const city = await createCity(t.db);
    const editor = await editorOf(t, city.id);
    const url = await mapped(editor, city, [`X-1;Neue Straße;1;Unbekannt;;${at(city, 0.001)}`]);
    const dry = await editor.post(`${url}/dry-run`).expect(200);
    expect(dry.body.committable).toBe(false);
    expect(await plansOf(url)).toBe(0);
  });
});
