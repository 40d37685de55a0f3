import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, type TestCity } from './factories.js';
import { settled } from './settled.js';
import type { InterventionTownCell } from '../src/kpis/kpi.types.js';

/**
 * GET /api/kpis/interventions-by-type-and-town: the knowledge base's table of which town tried which
 * type, and how it turned out (docs/kpis.md, "Interventions by type and town"). The numbers are worked
 * out by hand from the small network each test builds (`twoTowns`).
 */
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, [], true);
});
afterAll(() => t.close());

const URL = '/api/kpis/interventions-by-type-and-town';

interface Answer {
  asOf: string;
  towns: { id: string; name: string; synthetic: boolean }[];
  types: { type: string; measure: string; towns: InterventionTownCell[] }[];
}

async function addIntervention(
  city: TestCity,
  x: {
    type: string;
    state: 'planned' | 'running' | 'ended';
    start: string | null;
    end?: string | null;
    /** the 12-month check: its date and whether a regular lease was signed */
    check?: { on: string; lease: boolean };
    storefrontId?: string;
    synthetic?: boolean;
  },
): Promise<void> {
  const [row] = await t.db.query<{ id: string }[]>(
    `INSERT INTO interventions (city_id, type, title, state, start_date, end_date, is_synthetic)
     VALUES ($1, $2, 'Matrix', $3, $4, $5, $6) RETURNING id`,
    [city.id, x.type, x.state, x.start, x.end ?? null, x.synthetic ?? false],
  );
  if (x.storefrontId) {
    await t.db.query(
      `INSERT INTO intervention_storefronts (intervention_id, storefront_id, city_id) VALUES ($1, $2, $3)`,
      [row!.id, x.storefrontId, city.id],
    );
  }
  if (x.check) {
    await t.db.query(
      `INSERT INTO intervention_outcome_checks (intervention_id, city_id, months_after_end, checked_on,
                                               regular_lease_signed, business_still_trading)
       VALUES ($1, $2, 12, $3, $4, $4)`,
      [row!.id, city.id, x.check.on, x.check.lease],
    );
  }
}

/** A unit let to „Café Alt“ until 2024-06-01 and to „Café Neu“ from then on. */
async function unitLetToAnother(city: TestCity): Promise<string> {
  const [unit] = await t.db.query<{ id: string }[]>(
    `INSERT INTO storefronts (city_id, street, house_number, location)
     VALUES ($1, 'Marktstraße', '1', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id`,
    [city.id, city.centre[0], city.centre[1]],
  );
  await t.db.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from, valid_to, business_name)
     VALUES ($1, $2, 'occupied', 'food_drink', '2020-01-01', '2024-06-01', 'Café Alt'),
            ($1, $2, 'occupied', 'food_drink', '2024-06-01', NULL, 'Café Neu')`,
    [unit!.id, city.id],
  );
  return unit!.id;
}

/**
 * Towns A and B in a new network, not open data.
 * A: test shops T1 (ended 2023-08-31, check of 2024-09-01: lease → success from 2024-09-01),
 *    T2 (ended 2023-06-30, check of 2024-07-01: no lease → failure from 2024-07-01, before that overdue),
 *    T3 (ended 2023-06-30, no check, no unit → overdue), T4 (running since 2025-01-01), T5 (planned);
 *    a rent subsidy R1 (ended 2023-12-31; its unit let to another business on 2024-12-31 → otherTenant);
 *    an event E1 (ended 2024-05-03: not measured).
 * B: a pop-up P1 (ended 2023-03-31, check of 2024-04-15: lease → success; synthetic demo data), a
 *    test shop running since 2024-07-01.
 */
async function twoTowns() {
  const a = await createCity(t.db, [11.1, 51.1], 20000, false);
  const b = await createCity(t.db, [11.3, 51.2], 20000, false);
  const slug = `matrix-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const [network] = await t.db.query<{ id: string }[]>(
    `INSERT INTO networks (slug, name) VALUES ($1, 'Matrixnetz') RETURNING id`,
    [slug],
  );
  for (const c of [a, b]) {
    await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [
      network!.id,
      c.id,
    ]);
  }
  const shop = { type: 'test_shop', state: 'ended' } as const;
  await addIntervention(a, {
    ...shop,
    start: '2023-03-01',
    end: '2023-08-31',
    check: { on: '2024-09-01', lease: true },
  });
  await addIntervention(a, {
    ...shop,
    start: '2023-01-01',
    end: '2023-06-30',
    check: { on: '2024-07-01', lease: false },
  });
  await addIntervention(a, { ...shop, start: '2023-01-01', end: '2023-06-30' });
  await addIntervention(a, { type: 'test_shop', state: 'running', start: '2025-01-01' });
  await addIntervention(a, { type: 'test_shop', state: 'planned', start: null });
  await addIntervention(a, {
    type: 'rent_subsidy',
    state: 'ended',
    start: '2022-01-01',
    end: '2023-12-31',
    storefrontId: await unitLetToAnother(a),
  });
  await addIntervention(a, { type: 'event', state: 'ended', start: '2024-05-01', end: '2024-05-03' });
  await addIntervention(b, {
    type: 'pop_up',
    state: 'ended',
    start: '2023-01-01',
    end: '2023-03-31',
    check: { on: '2024-04-15', lease: true },
    synthetic: true,
  });
  await addIntervention(b, { type: 'test_shop', state: 'running', start: '2024-07-01' });
  await settled(t);
  return { a, b, slug, networkId: network!.id };
}

/** The cell of `type` in `cityId`'s column. */
const cell = (answer: Answer, type: string, cityId: string): InterventionTownCell | undefined =>
  answer.types.find((x) => x.type === type)?.towns.find((c) => c.cityId === cityId);

const counts = (tried: number, results: Partial<Omit<InterventionTownCell, 'cityId' | 'tried'>> = {}) => ({
  tried,
  success: 0,
  failure: 0,
  otherTenant: 0,
  overdue: 0,
  pending: 0,
  ...results,
});

describe('GET /api/kpis/interventions-by-type-and-town', () => {
  it('counts each town’s interventions per type by their result on the date', async () => {
    const { a, b, slug } = await twoTowns();
    const answer: Answer = (await admin.get(`${URL}?network=${slug}&asOf=2025-06-30`).expect(200)).body;
    expect(answer.asOf).toBe('2025-06-30');
    expect(answer.towns.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    // B's counted interventions include demo data, A's do not
    expect(Object.fromEntries(answer.towns.map((x) => [x.id, x.synthetic]))).toEqual({
      [a.id]: false,
      [b.id]: true,
    });
    expect(answer.types.map((x) => x.type)).toContain('test_shop');
    for (const row of answer.types)
      expect(row.towns.map((c) => c.cityId)).toEqual(answer.towns.map((x) => x.id));

    // A's test shops: T1 success, T2 failure, T3 overdue, T4 running; T5 planned is not tried
    expect(cell(answer, 'test_shop', a.id)).toMatchObject(
      counts(4, { success: 1, failure: 1, overdue: 1, pending: 1 }),
    );
    expect(cell(answer, 'rent_subsidy', a.id)).toMatchObject(counts(1, { otherTenant: 1 }));
    // an event has no 12-month measure: tried, no result counted
    expect(answer.types.find((x) => x.type === 'event')!.measure).toBe('none');
    expect(cell(answer, 'event', a.id)).toMatchObject(counts(1));
    expect(cell(answer, 'pop_up', a.id)).toMatchObject(counts(0));
    expect(cell(answer, 'pop_up', b.id)).toMatchObject(counts(1, { success: 1 }));
    expect(cell(answer, 'test_shop', b.id)).toMatchObject(counts(1, { pending: 1 }));
  });

  it('on a past date counts only what had started, with the results known then', async () => {
    const { a, b, slug } = await twoTowns();
    const answer: Answer = (await admin.get(`${URL}?network=${slug}&asOf=2024-06-30`).expect(200)).body;
    // T4 (started 2025-01-01) is not counted; T1 is due only on 2024-08-31; T2's check came on
    // 2024-07-01, so on 2024-06-30 it is overdue like T3
    expect(cell(answer, 'test_shop', a.id)).toMatchObject(counts(3, { overdue: 2, pending: 1 }));
    // R1 is evaluated on 2024-12-31
    expect(cell(answer, 'rent_subsidy', a.id)).toMatchObject(counts(1, { pending: 1 }));
    expect(cell(answer, 'event', a.id)).toMatchObject(counts(1));
    expect(cell(answer, 'pop_up', b.id)).toMatchObject(counts(1, { success: 1 }));
    // B's test shop started the next day
    expect(cell(answer, 'test_shop', b.id)).toMatchObject(counts(0));
  });

  it('agrees with interventions-by-type, summed over the towns', async () => {
    const { slug } = await twoTowns();
    for (const asOf of ['2024-06-30', '2025-06-30']) {
      const table: Answer = (await admin.get(`${URL}?network=${slug}&asOf=${asOf}`).expect(200)).body;
      const summary = (
        await admin.get(`/api/kpis/interventions-by-type?network=${slug}&asOf=${asOf}`).expect(200)
      ).body as {
        types: {
          type: string;
          tried: number;
          evaluated: number;
          ledToRegularLease12m: number;
          overdue: number;
        }[];
      };
      for (const row of summary.types) {
        const cells = table.types.find((x) => x.type === row.type)!.towns;
        const sum = (key: keyof Omit<InterventionTownCell, 'cityId'>) =>
          cells.reduce((n, c) => n + c[key], 0);
        expect({
          tried: sum('tried'),
          evaluated: sum('success') + sum('failure') + sum('otherTenant'),
          ledToRegularLease12m: sum('success'),
          overdue: sum('overdue'),
        }).toEqual({
          tried: row.tried,
          evaluated: row.evaluated,
          ledToRegularLease12m: row.ledToRegularLease12m,
          overdue: row.overdue,
        });
      }
    }
  });

  it('shows a reader only the towns they read: no column, no count of another town', async () => {
    const { a, b, slug, networkId } = await twoTowns();
    const readerOfA = await signedIn(t, [{ role: 'viewer', cityId: a.id }]);
    const answer: Answer = (await readerOfA.get(`${URL}?network=${slug}&asOf=2025-06-30`).expect(200)).body;
    expect(answer.towns).toEqual([{ id: a.id, name: expect.any(String), synthetic: false }]);
    expect(JSON.stringify(answer)).not.toContain(b.id);
    // without a filter: still only A (the test database holds many towns)
    const unfiltered: Answer = (await readerOfA.get(`${URL}?asOf=2025-06-30`).expect(200)).body;
    expect(unfiltered.towns.map((x) => x.id)).toEqual([a.id]);
    expect(cell(unfiltered, 'test_shop', a.id)).toMatchObject(
      counts(4, { success: 1, failure: 1, overdue: 1, pending: 1 }),
    );
    // asking for B by name is refused, alone or beside A
    expect((await readerOfA.get(`${URL}?cityId=${b.id}`).expect(403)).body.code).toBe('FORBIDDEN');
    await readerOfA.get(`${URL}?cityId=${a.id},${b.id}`).expect(403);

    const member = await signedIn(t, [{ role: 'network_member', networkId }]);
    const both: Answer = (await member.get(`${URL}?network=${slug}`).expect(200)).body;
    expect(both.towns.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());

    await request(t.http).get(`${URL}?cityId=${a.id}`).expect(401);
  });

  it('one town asked for is one column', async () => {
    const { a, b } = await twoTowns();
    const answer: Answer = (await admin.get(`${URL}?cityId=${b.id}&asOf=2025-06-30`).expect(200)).body;
    expect(answer.towns.map((x) => x.id)).toEqual([b.id]);
    expect(JSON.stringify(answer)).not.toContain(a.id);
  });

  it.each([
    ['an impossible date', 'asOf=2025-02-30'],
    ['a date that is no date', 'asOf=gestern'],
    ['a town id that is no id', 'cityId=gotha'],
    ['an empty network', 'network='],
    ['an unknown parameter', 'stadt=gotha'],
  ])('400 with a code for %s', async (_, query) => {
    const res = await admin.get(`${URL}?${query}`).expect(400);
    expect(res.body).toEqual(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.any(String) }),
    );
  });

  it('404 with a code for an unknown network or town', async () => {
    expect((await admin.get(`${URL}?network=gibt-es-nicht`).expect(404)).body.code).toBe('NOT_FOUND');
    expect(
      (await admin.get(`${URL}?cityId=00000000-0000-4000-8000-000000000000`).expect(404)).body.code,
    ).toBe('NOT_FOUND');
  });
});
