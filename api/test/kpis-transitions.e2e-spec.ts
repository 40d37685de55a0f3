import request from 'supertest';
import { trailingYear } from '../src/kpis/kpi-formulas.js';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { fixtureTown as createFixtureTown } from './kpis-fixture.js';

/**
 * GET /api/kpis/transitions: the flow KPIs openings and closures unit by unit, on the hand-computed
 * fixture of kpi-formulas.spec.ts (units A–K are Marktstraße 1–11 in kpis-fixture.ts).
 */
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, [], true);
});
afterAll(() => t.close());

const fixtureTown = (openData = true) => createFixtureTown(t.db, 20000, openData);

type Side = { status: string; useCategory: string | null; businessName: string | null } | null;
interface Listed {
  storefrontId: string;
  address: string;
  day: string;
  kind: string;
  before: Side;
  after: Side;
}
const brief = (l: Listed) => [l.day, l.address, l.kind, l.before?.status ?? null, l.after?.status ?? null];

describe('GET /api/kpis/transitions', () => {
  it('lists the openings and closures of Q2 2024 worked out by hand, day by day', async () => {
    const { city, storefronts } = await fixtureTown();
    const res = await admin
      .get(`/api/kpis/transitions?cityId=${city.id}&from=2024-04-01&to=2024-06-30`)
      .expect(200);
    // kpi-formulas.spec.ts: openings D 05-01, E 05-20, H 06-30, J 06-15; closures A 04-01, E 04-10,
    // G 06-01 (demolished), K 05-15 (its history ends); F lies outside the perimeter
    expect(res.body).toMatchObject({ cityId: city.id, from: '2024-04-01', to: '2024-06-30' });
    expect(res.body).toMatchObject({ openings: 4, closures: 4, truncated: false });
    expect(res.body.transitions.map(brief)).toEqual([
      ['2024-04-01', 'Marktstraße 1', 'closure', 'occupied', 'vacant'],
      ['2024-04-10', 'Marktstraße 5', 'closure', 'occupied', 'vacant'],
      ['2024-05-01', 'Marktstraße 4', 'opening', 'vacant', 'temporary_use'],
      ['2024-05-15', 'Marktstraße 11', 'closure', 'occupied', null],
      ['2024-05-20', 'Marktstraße 5', 'opening', 'vacant', 'occupied'],
      ['2024-06-01', 'Marktstraße 7', 'closure', 'occupied', 'demolished'],
      ['2024-06-15', 'Marktstraße 10', 'opening', null, 'occupied'],
      ['2024-06-30', 'Marktstraße 8', 'opening', 'under_renovation', 'occupied'],
    ]);
    const first = res.body.transitions[0] as Listed;
    expect(first.storefrontId).toBe(storefronts.get('A'));
    expect(first.before).toEqual({ status: 'occupied', useCategory: 'retail_daily', businessName: null });
    expect(first.after).toEqual({ status: 'vacant', useCategory: null, businessName: null });
  });

  it('adds up to the flow KPIs of the snapshot on any date (the 12 months up to it by default)', async () => {
    const { city } = await fixtureTown();
    for (const asOf of ['2024-06-30', '2024-03-31', '2025-02-28', '2019-06-30']) {
      const [kpis] = (await admin.get(`/api/kpis?cityId=${city.id}&asOf=${asOf}`).expect(200)).body;
      const listed = (await admin.get(`/api/kpis/transitions?cityId=${city.id}&to=${asOf}`).expect(200)).body;
      expect(listed.from).toBe(trailingYear(asOf).from);
      expect([listed.openings, listed.closures]).toEqual([kpis.flows.openings, kpis.flows.closures]);
      const count = (kind: string) => listed.transitions.filter((l: Listed) => l.kind === kind).length;
      expect([count('opening'), count('closure')]).toEqual([listed.openings, listed.closures]);
    }
  });

  it('names businesses only to the town’s members; open data shows status and use', async () => {
    const { city, storefronts } = await fixtureTown();
    await t.db.query(
      `UPDATE occupancy_periods SET business_name = 'Praxis Anna Muster' WHERE storefront_id = $1`,
      [storefronts.get('J')],
    );
    const path = `/api/kpis/transitions?cityId=${city.id}&from=2024-06-15&to=2024-06-15`;
    const member = await signedIn(t, [{ role: 'viewer', cityId: city.id }]);
    expect((await member.get(path).expect(200)).body.transitions[0].after).toEqual({
      status: 'occupied',
      useCategory: 'health',
      businessName: 'Praxis Anna Muster',
    });
    expect((await request(t.http).get(path).expect(200)).body.transitions[0].after).toEqual({
      status: 'occupied',
      useCategory: 'health',
      businessName: null,
    });
  });

  it('refuses a period the wrong way round, an unknown town, and a closed town to strangers', async () => {
    const { city } = await fixtureTown(false);
    const wrong = await admin
      .get(`/api/kpis/transitions?cityId=${city.id}&from=2024-07-01&to=2024-06-30`)
      .expect(400);
    expect(wrong.body.code).toBe('VALIDATION_FAILED');
    await admin.get(`/api/kpis/transitions?cityId=00000000-0000-4000-8000-000000000000`).expect(404);
    await admin.get(`/api/kpis/transitions?cityId=not-a-town`).expect(400);
    await request(t.http).get(`/api/kpis/transitions?cityId=${city.id}`).expect(401);
  });
});
