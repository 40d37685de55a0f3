import { deriveFlowKpis, deriveStockKpis, distributionOf } from '../src/kpis/kpi-derive.js';
import { countConversion, countFlows, countStock, trailingYear } from '../src/kpis/kpi-formulas.js';
import { KPI_DEFINITIONS_VERSION, SUMMARY_KPIS } from '../src/kpis/kpi.types.js';
import { todayIso } from '../src/common/validators.js';
import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity } from './factories.js';
import { fixtureInMemory, fixtureTown as createFixtureTown } from './kpis-fixture.js';
import { settled } from './settled.js';

/**
 * The SQL engine against the reference formulas on the same fixture (kpis-fixture.ts, hand-computed
 * in kpi-formulas.spec.ts). Each test builds its own towns.
 */
let t: TestApp;
/** Reads every town; who may read which town's KPIs is tested with the access rules. */
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, [], true);
});
afterAll(() => t.close());

const POPULATION = 20000;

/** What the reference formulas say the snapshot of the fixture town is on `date`. */
function expectedSnapshot(date: string) {
  const { units, interventions } = fixtureInMemory();
  const year = trailingYear(date);
  return {
    ...deriveStockKpis(countStock(units, date), POPULATION, countConversion(interventions, date)),
    flows: deriveFlowKpis(countFlows(units, year.from, year.to), year.from, year.to),
  };
}

const fixtureTown = () => createFixtureTown(t.db, POPULATION);

describe('GET /api/kpis', () => {
  it.each([
    '2024-06-30',
    '2024-03-31',
    '2024-04-01',
    '2025-02-27',
    '2025-02-28',
    '2025-06-30',
    '2025-07-31',
    '2019-06-30',
  ])('equals the reference formulas on %s', async (asOf) => {
    const { city } = await fixtureTown();
    const res = await admin.get(`/api/kpis?cityId=${city.id}&asOf=${asOf}`).expect(200);
    expect(res.body).toHaveLength(1);
    const {
      cityId,
      asOf: answeredAsOf,
      definitionsVersion,
      population,
      perimeterIsPlaceholder,
      hasPerimeter,
      ...kpis
    } = res.body[0];
    expect({
      cityId,
      answeredAsOf,
      definitionsVersion,
      population,
      perimeterIsPlaceholder,
      hasPerimeter,
    }).toEqual({
      cityId: city.id,
      answeredAsOf: asOf,
      definitionsVersion: KPI_DEFINITIONS_VERSION,
      population: POPULATION,
      perimeterIsPlaceholder: true,
      hasPerimeter: true,
    });
    expect(kpis).toEqual(expectedSnapshot(asOf));
  });

  it('gives the hand-computed numbers on 2024-06-30', async () => {
    const { city } = await fixtureTown();
    const [kpis] = (await admin.get(`/api/kpis?cityId=${city.id}&asOf=2024-06-30`).expect(200)).body;
    expect(kpis).toMatchObject({
      units: 8,
      vacantUnits: 3,
      vacancyRate: 0.375,
      notInUseRate: 0.5,
      vacancyRateByArea: 0.375,
      areaCoverage: 0.75,
      longTermVacancyShare: 1 / 3,
      medianVacancyDays: 122,
      temporaryUseShare: 0.125,
      dataFreshness: 0.5, // C counts: verified 2023-07-01 in Berlin
    });
    expect(kpis.useMix).toMatchObject({
      health: 0.25,
      culture_leisure: 0.25,
      retail_comparison: 0.25,
      unspecified: 0.25,
    });
  });

  it('answers several towns in the order asked, a town without units with null rates', async () => {
    const { city } = await fixtureTown();
    const empty = await createCity(t.db, [11.5, 51.5], 0);
    const res = await admin.get(`/api/kpis?cityId=${empty.id},${city.id}&asOf=2024-06-30`).expect(200);
    expect(res.body.map((k: { cityId: string }) => k.cityId)).toEqual([empty.id, city.id]);
    expect(res.body[0]).toMatchObject({
      units: 0,
      vacancyRate: null,
      vacancyRateByArea: null,
      medianVacancyDays: null,
      vacantPer1000Inhabitants: null,
      interventionConversionRate: null,
      flows: { openings: 0, closures: 0, netChange: 0, medianReLettingDays: null },
    });
  });

  it('defaults asOf to today in Germany', async () => {
    const { city } = await fixtureTown();
    const res = await admin.get(`/api/kpis?cityId=${city.id}`).expect(200);
    expect(res.body[0].asOf).toBe(todayIso());
  });
});

describe('GET /api/kpis/series', () => {
  it('quarterly: stock on each quarter end, flows within the quarter, equal to the formulas', async () => {
    const { city } = await fixtureTown();
    const res = await admin
      .get(`/api/kpis/series?cityId=${city.id}&from=2023-11-15&to=2025-03-01&interval=quarter`)
      .expect(200);
    const { units, interventions } = fixtureInMemory();
    const buckets = res.body.towns[0].buckets;
    expect(buckets.map((b: { start: string; end: string }) => `${b.start}/${b.end}`)).toEqual([
      '2023-10-01/2023-12-31',
      '2024-01-01/2024-03-31',
      '2024-04-01/2024-06-30',
      '2024-07-01/2024-09-30',
      '2024-10-01/2024-12-31',
      '2025-01-01/2025-03-31',
    ]);
    for (const { start, end, flows, ...stock } of buckets) {
      expect(stock).toEqual(
        deriveStockKpis(countStock(units, end), POPULATION, countConversion(interventions, end)),
      );
      expect(flows).toEqual(deriveFlowKpis(countFlows(units, start, end), start, end));
    }
    // Q2 2024 by hand (kpi-formulas.spec.ts): 4 openings, 4 closures, re-lettings after 335 and 40 days
    expect(buckets[2].flows).toMatchObject({
      openings: 4,
      closures: 4,
      netChange: 0,
      reLettings: 2,
      medianReLettingDays: 187.5,
    });
  });

  it('monthly around the leap day', async () => {
    const { city } = await fixtureTown();
    const res = await admin
      .get(`/api/kpis/series?cityId=${city.id}&from=2024-01-01&to=2024-03-31&interval=month`)
      .expect(200);
    const buckets = res.body.towns[0].buckets;
    expect(buckets[1]).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    // C closes on 2024-02-29 (occupied → vacant): a February closure, vacant on the bucket's last day
    expect(buckets[1].flows.closures).toBe(1);
    expect(buckets[1].vacantUnits).toBe(3); // B, C and D
  });
});

describe('GET /api/kpis/network-summary', () => {
  it('median, quartiles and range across member towns, nulls left out', async () => {
    const { city } = await fixtureTown();
    const small = await createCity(t.db, [12.1, 50.1]);
    const empty = await createCity(t.db, [12.3, 50.3]);
    await t.db.transaction(async (em) => {
      const [s] = await em.query<{ id: string }[]>(
        `INSERT INTO storefronts (city_id, street, location) VALUES ($1, 'Markt', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id`,
        [small.id, small.centre[0], small.centre[1]],
      );
      await em.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, valid_from) VALUES ($1, $2, 'occupied', '2020-01-01')`,
        [s!.id, small.id],
      );
    });
    const slug = `kpi-net-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const [network] = await t.db.query<{ id: string }[]>(
      `INSERT INTO networks (slug, name) VALUES ($1, 'KPI-Netz') RETURNING id`,
      [slug],
    );
    for (const c of [city, small, empty]) {
      await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [
        network!.id,
        c.id,
      ]);
    }
    await settled(t);
    const res = await admin.get(`/api/kpis/network-summary?network=${slug}&asOf=2024-06-30`).expect(200);
    expect(res.body).toMatchObject({ network: { id: network!.id, slug }, asOf: '2024-06-30', towns: 3 });
    // vacancy rates: 0.375 (fixture), 0 (one occupied unit), null (no units)
    expect(res.body.kpis.vacancyRate).toEqual({
      median: 0.1875,
      q1: 0.09375,
      q3: 0.28125,
      min: 0,
      max: 0.375,
      n: 2,
    });
    const perTown = (
      await admin.get(`/api/kpis?cityId=${city.id},${small.id},${empty.id}&asOf=2024-06-30`).expect(200)
    ).body;
    for (const kpi of SUMMARY_KPIS) {
      const values = perTown.map(
        (k: Record<string, number | null> & { flows: Record<string, number | null> }) =>
          kpi in k.flows ? k.flows[kpi] : k[kpi],
      );
      expect(res.body.kpis[kpi]).toEqual(distributionOf(values));
    }
    expect(res.body.town).toBeUndefined(); // places only when asked for a town

    // a member's place per KPI, from the lowest value: 0.375 is 2nd of the 2 rates, the town without one has none
    const placeOf = async (id: string) =>
      (await admin.get(`/api/kpis/network-summary?network=${slug}&asOf=2024-06-30&town=${id}`).expect(200))
        .body;
    const fixture = await placeOf(city.id);
    expect(fixture.kpis).toEqual(res.body.kpis);
    expect(fixture.town.cityId).toBe(city.id);
    expect(fixture.town.ranks.vacancyRate).toEqual({ position: 2, of: 2, tied: 0 });
    expect((await placeOf(small.id)).town.ranks.vacancyRate).toEqual({ position: 1, of: 2, tied: 0 });
    expect((await placeOf(empty.id)).town.ranks.vacancyRate).toEqual({ position: null, of: 2, tied: 0 });
    // openings in the 12 months: the two towns without any share the 1st place
    const openings = perTown.map((k: { flows: { openings: number } }) => k.flows.openings);
    expect(openings.slice(1)).toEqual([0, 0]);
    expect((await placeOf(small.id)).town.ranks.openings).toEqual({ position: 1, of: 3, tied: 1 });

    // a town outside the network: 400, naming it
    const outside = await createCity(t.db, [12.4, 50.4]);
    const refused = await admin
      .get(`/api/kpis/network-summary?network=${slug}&asOf=2024-06-30&town=${outside.id}`)
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { town: outside.id } });
    expect(refused.body.message).toContain('KPI-Netz');
  });

  it('404 for an unknown network', async () => {
    const res = await admin.get('/api/kpis/network-summary?network=no-such-network').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('interventions knowledge base', () => {
  it('per type: tried, ended, outcome after 12 months by the type’s measure, median cost per unit', async () => {
    const { city } = await fixtureTown();
    const reader = await signedIn(t, [{ role: 'viewer', cityId: city.id }]);
    const res = await reader
      .get(`/api/kpis/interventions-by-type?cityId=${city.id}&asOf=2025-06-30`)
      .expect(200);
    const byType = Object.fromEntries(res.body.types.map((x: { type: string }) => [x.type, x]));
    // by hand (kpis-fixture.ts): test shops I1 I4 I5 I7 I9 I11 — I1 yes (check), I7 no (its check is
    // dated later, A vacant), I9 no, I11 let to another business; I4 and I5 pending
    expect(byType.test_shop).toEqual({
      type: 'test_shop',
      measure: 'ownBusinessLease',
      tried: 6,
      ended: 5,
      evaluated: 4,
      ledToRegularLease12m: 1,
      regularLeaseShare: 1 / 4,
      overdue: 0,
      medianCostPerUnit: 10000, // I4 10000/1, I7 9000/1, I9 20000/2 (I1 has no unit, I5 and I11 no budget)
      withObstacles: 0, // the fixture records none (intervention-obstacles.e2e-spec.ts counts them)
      obstacles: [],
    });
    // I12 let to another business; I2 (no business recorded on its last day) and I8 (no unit) overdue
    expect(byType.pop_up).toMatchObject({
      tried: 3,
      ended: 3,
      evaluated: 1,
      ledToRegularLease12m: 0,
      overdue: 2,
      medianCostPerUnit: 4000,
    });
    // I3 no (D still a temporary use), I10 yes (J still Praxis Lindner)
    expect(byType.temporary_use).toMatchObject({
      evaluated: 2,
      ledToRegularLease12m: 1,
      regularLeaseShare: 0.5,
    });
    // I6 by the register, I13 by its check (businesses still open, though A stands empty)
    expect(byType.rent_subsidy).toMatchObject({
      measure: 'businessesTrading',
      evaluated: 2,
      ledToRegularLease12m: 2,
    });
    // facade programmes and events are not measured, however their units fare
    expect(byType.facade_programme).toMatchObject({ measure: 'none', tried: 1, ended: 1, evaluated: 0 });
    expect(byType.event).toEqual({
      type: 'event',
      measure: 'none',
      tried: 1,
      ended: 1,
      evaluated: 0,
      ledToRegularLease12m: 0,
      regularLeaseShare: null,
      overdue: 0,
      medianCostPerUnit: null,
      withObstacles: 0,
      obstacles: [],
    });
    // the same rule as the town KPI for the three convertible types: 2 of 7
    const [kpis] = (await admin.get(`/api/kpis?cityId=${city.id}&asOf=2025-06-30`).expect(200)).body;
    expect(kpis).toMatchObject({
      interventionsEvaluated: 7,
      interventionsConverted: 2,
      interventionConversionRate: 2 / 7,
    });
    expect(kpis.interventionsEvaluated).toBe(
      byType.test_shop.evaluated + byType.pop_up.evaluated + byType.temporary_use.evaluated,
    );
  });

  it('counts on a past date only what had started, ended or been evaluated by then', async () => {
    const { city } = await fixtureTown();
    const on = async (asOf: string) =>
      Object.fromEntries(
        (
          await admin.get(`/api/kpis/interventions-by-type?cityId=${city.id}&asOf=${asOf}`).expect(200)
        ).body.types.map((x: { type: string }) => [x.type, x]),
      );
    // by hand (kpis-fixture.ts) on 2024-03-31: test shops started I9 07/2023, I7 09/2023, I1 10/2023,
    // I11 11/2023 (I4 starts the next day, I5 in 2025); ended I9, I7 and I1 (its last day); none due
    // before 2025. Cost: I7 9000/1, I9 20000/2 (I1 has no unit, I11 no budget).
    const march = await on('2024-03-31');
    expect(march.test_shop).toEqual({
      type: 'test_shop',
      measure: 'ownBusinessLease',
      tried: 4,
      ended: 3,
      evaluated: 0,
      ledToRegularLease12m: 0,
      regularLeaseShare: null,
      overdue: 0,
      medianCostPerUnit: 9500,
      withObstacles: 0,
      obstacles: [],
    });
    // pop-ups I8 (ended 2024-01-31) and I12 (running until 2024-04-05); I2 starts 2024-04-10
    expect(march.pop_up).toMatchObject({ tried: 2, ended: 1, evaluated: 0, medianCostPerUnit: 5000 });
    // temporary use I3 running (until 2024-04-30); I10 starts in June
    expect(march.temporary_use).toMatchObject({ tried: 1, ended: 0, medianCostPerUnit: 8000 });
    // rent subsidies I6 (E 2024-01-31: success by the register) and I13 (ends that day, E in 2025)
    expect(march.rent_subsidy).toMatchObject({ tried: 2, ended: 2, evaluated: 1, ledToRegularLease12m: 1 });
    // the next day the test shop I4 has started
    expect((await on('2024-04-01')).test_shop).toMatchObject({ tried: 5, ended: 3 });
    // before any of them began, nothing at all
    const before = await on('2020-12-31');
    for (const type of Object.values(before) as Record<string, unknown>[]) {
      expect(type).toMatchObject({ tried: 0, ended: 0, evaluated: 0, overdue: 0, medianCostPerUnit: null });
    }
  });

  it('each intervention’s 12-month outcome is the one the summary counts, on the list’s date', async () => {
    const { city, interventions } = await fixtureTown();
    const reader = await signedIn(t, [{ role: 'viewer', cityId: city.id }]);
    const listOn = async (asOf?: string) =>
      (
        await reader
          .get(`/api/interventions?cityId=${city.id}&pageSize=100${asOf ? `&asOf=${asOf}` : ''}`)
          .expect(200)
      ).body.items as { id: string; outcome12: Record<string, unknown> }[];
    const today = await listOn();
    const outcome = (key: string, list = today) =>
      list.find((i) => i.id === interventions.get(key))!.outcome12;
    const own = (evaluationDate: string | null, result: string, basis: string | null) => ({
      measure: 'ownBusinessLease',
      evaluationDate,
      result,
      basis,
    });
    // Today (all fixture dates are long past); by hand from kpis-fixture.ts:
    expect(outcome('I1')).toEqual(own('2025-03-31', 'success', 'check'));
    expect(outcome('I2')).toEqual(own('2025-04-30', 'overdue', null));
    expect(outcome('I3')).toEqual(own('2025-04-30', 'failure', 'registry'));
    expect(outcome('I4')).toEqual(own('2025-09-30', 'success', 'registry')); // Seitenweise on both days
    expect(outcome('I5')).toEqual(own(null, 'pending', null)); // running
    expect(outcome('I7')).toEqual(own('2025-02-28', 'success', 'check'));
    expect(outcome('I8')).toEqual(own('2025-01-31', 'overdue', null));
    expect(outcome('I9')).toEqual(own('2025-01-31', 'failure', 'registry'));
    expect(outcome('I10')).toEqual(own('2025-06-20', 'success', 'registry'));
    expect(outcome('I11')).toEqual(own('2025-04-30', 'otherTenant', 'check'));
    expect(outcome('I12')).toEqual(own('2025-04-05', 'otherTenant', 'registry'));
    expect(outcome('I13')).toEqual({
      measure: 'businessesTrading',
      evaluationDate: '2025-03-31',
      result: 'success',
      basis: 'check',
    });
    expect(outcome('I14')).toEqual({
      measure: 'none',
      evaluationDate: '2024-12-31',
      result: 'notMeasured',
      basis: null,
    });
    // On a report's date: I7's check is not yet known, I4 not yet due
    const midYear = await listOn('2025-06-30');
    expect(outcome('I7', midYear)).toEqual(own('2025-02-28', 'failure', 'registry'));
    expect(outcome('I4', midYear)).toEqual(own('2025-09-30', 'pending', null));

    const summary = (await reader.get(`/api/kpis/interventions-by-type?cityId=${city.id}`).expect(200)).body;
    const sum = (key: 'evaluated' | 'ledToRegularLease12m' | 'overdue') =>
      summary.types.reduce((n: number, x: Record<string, number>) => n + x[key]!, 0);
    const evaluated = today.filter((i) =>
      ['success', 'failure', 'otherTenant'].includes(i.outcome12.result as string),
    );
    expect(evaluated).toHaveLength(sum('evaluated'));
    expect(evaluated.filter((i) => i.outcome12.result === 'success')).toHaveLength(
      sum('ledToRegularLease12m'),
    );
    expect(today.filter((i) => i.outcome12.result === 'overdue')).toHaveLength(sum('overdue'));
  });

  it('occupancy of each unit before, at the end and 12 months after', async () => {
    const { city, storefronts, interventions } = await fixtureTown();
    const reader = await signedIn(t, [{ role: 'viewer', cityId: city.id }]);
    const res = await reader
      .get(`/api/kpis/interventions/${interventions.get('I9')}/occupancy-before-after`)
      .expect(200);
    expect(res.body).toMatchObject({ type: 'test_shop', startDate: '2023-07-01', endDate: '2024-01-31' });
    const unit = (key: string) =>
      res.body.units.find((u: { storefrontId: string }) => u.storefrontId === storefronts.get(key));
    expect(unit('A')).toEqual({
      storefrontId: storefronts.get('A'),
      address: 'Marktstraße 1', // named as a reader knows it (the fixture's first unit)
      beforeStart: { date: '2023-06-30', known: true, status: 'occupied', useCategory: 'retail_daily' },
      atEnd: { date: '2024-01-31', known: true, status: 'occupied', useCategory: 'retail_daily' },
      after12Months: { date: '2025-01-31', known: true, status: 'vacant', useCategory: null },
    });
    expect(unit('E').after12Months.status).toBe('occupied');
  });

  it('404 for an unknown intervention', async () => {
    await admin
      .get('/api/kpis/interventions/00000000-0000-4000-8000-000000000000/occupancy-before-after')
      .expect(404);
  });
});

describe('validation', () => {
  it.each([
    ['no town', '/api/kpis'],
    ['a town id that is no uuid', '/api/kpis?cityId=erfurt'],
    ['an impossible date', '/api/kpis?cityId=00000000-0000-4000-8000-000000000000&asOf=2023-02-29'],
    ['an unknown parameter', '/api/kpis?cityId=00000000-0000-4000-8000-000000000000&foo=1'],
    [
      'an unknown interval',
      '/api/kpis/series?cityId=00000000-0000-4000-8000-000000000000&from=2020-01-01&to=2021-01-01&interval=week',
    ],
    [
      'a series without from',
      '/api/kpis/series?cityId=00000000-0000-4000-8000-000000000000&to=2021-01-01&interval=year',
    ],
    ['a network summary without network', '/api/kpis/network-summary'],
    ['a network summary for a town that is no id', '/api/kpis/network-summary?network=x&town=gotha'],
  ])('400 for %s', async (_, url) => {
    const res = await admin.get(url).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('400 for a date outside 1900–2100, for a town that exists (the day after 9999-12-31 was a 500)', async () => {
    const { city } = await fixtureTown();
    for (const asOf of ['9999-12-31', '1899-12-31', '2101-01-01']) {
      for (const url of [
        `/api/kpis?cityId=${city.id}&asOf=${asOf}`,
        `/api/exports/kpis.csv?cityId=${city.id}&asOf=${asOf}`,
      ]) {
        const res = await admin.get(url).expect(400);
        expect(res.body.details.fields).toEqual([
          expect.objectContaining({ field: 'asOf', rules: [{ rule: 'isCalendarDate' }] }),
        ]);
      }
    }
    await admin.get(`/api/kpis?cityId=${city.id}&asOf=2100-12-31`).expect(200);
  });

  it('400 when from lies after to, or for more than 400 buckets', async () => {
    const city = await createCity(t.db);
    const base = `/api/kpis/series?cityId=${city.id}`;
    expect(
      (await admin.get(`${base}&from=2024-02-01&to=2024-01-31&interval=month`).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    await admin.get(`${base}&from=1990-01-01&to=2023-04-30&interval=month`).expect(200); // 33 × 12 + 4 = 400
    await admin.get(`${base}&from=1990-01-01&to=2023-05-01&interval=month`).expect(400); // 401
  });

  it('404 naming the unknown town', async () => {
    const city = await createCity(t.db);
    const unknown = '00000000-0000-4000-8000-000000000001';
    const res = await admin.get(`/api/kpis?cityId=${city.id},${unknown}`).expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', details: { ids: [unknown] } });
  });
});

describe('access', () => {
  it('KPIs of an open-data town for anyone, of other towns for their readers only', async () => {
    const open = await createCity(t.db, [12.5, 50.5]);
    const closed = await createCity(t.db, [12.6, 50.6], 20000, false);
    await settled(t);
    await request(t.http).get(`/api/kpis?cityId=${open.id}`).expect(200);
    expect(
      (await request(t.http).get(`/api/kpis?cityId=${open.id},${closed.id}`).expect(401)).body.code,
    ).toBe('UNAUTHENTICATED');
    const otherTownsReader = await signedIn(t, [{ role: 'viewer', cityId: open.id }]);
    await otherTownsReader
      .get(`/api/kpis/series?cityId=${closed.id}&from=2024-01-01&to=2024-12-31&interval=year`)
      .expect(403);
    const reader = await signedIn(t, [{ role: 'viewer', cityId: closed.id }]);
    await reader.get(`/api/kpis?cityId=${closed.id}`).expect(200);
  });

  it('a network summary covers the members the viewer may see', async () => {
    const open = await createCity(t.db, [12.7, 50.7]);
    const closed = await createCity(t.db, [12.8, 50.8], 20000, false);
    await settled(t);
    const slug = `kpi-access-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const [network] = await t.db.query<{ id: string }[]>(
      `INSERT INTO networks (slug, name) VALUES ($1, 'Netz') RETURNING id`,
      [slug],
    );
    for (const c of [open, closed]) {
      await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [
        network!.id,
        c.id,
      ]);
    }
    await settled(t);
    expect(
      (await request(t.http).get(`/api/kpis/network-summary?network=${slug}`).expect(200)).body.towns,
    ).toBe(1);
    expect((await admin.get(`/api/kpis/network-summary?network=${slug}`).expect(200)).body.towns).toBe(2);
    // the place of a member the caller may not see is not answered, in the words used for a non-member
    const hidden = await request(t.http).get(`/api/kpis/network-summary?network=${slug}&town=${closed.id}`);
    expect(hidden.status).toBe(400);
    expect(hidden.body.details).toEqual({ town: closed.id });
    const seen = await admin.get(`/api/kpis/network-summary?network=${slug}&town=${closed.id}`).expect(200);
    expect(seen.body.town.ranks.units.of).toBe(2);
    // the knowledge base says how many towns' interventions it counts: a councillor reads one town's
    const councillor = await signedIn(t, [{ role: 'viewer', cityId: closed.id }]);
    const byType = (agent: Agent) => agent.get(`/api/kpis/interventions-by-type?network=${slug}`).expect(200);
    expect((await byType(councillor)).body.towns).toBe(1);
    expect((await byType(admin)).body.towns).toBe(2);
  });

  it('the knowledge base is for signed-in readers of the towns', async () => {
    const { city, interventions } = await fixtureTown();
    await request(t.http).get(`/api/kpis/interventions-by-type?cityId=${city.id}`).expect(401);
    await request(t.http)
      .get(`/api/kpis/interventions/${interventions.get('I9')}/occupancy-before-after`)
      .expect(401);
  });
});
