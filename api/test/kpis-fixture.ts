import type { DataSource } from 'typeorm';
import { berlinDate } from '../src/kpis/kpi-dates.js';
import type { KpiIntervention, KpiPeriod, KpiUnit } from '../src/kpis/kpi.types.js';
import { createCity, type TestCity } from './factories.js';

/**
 * The KPI fixture of kpi-formulas.spec.ts (same units A–K, hand-computed there), written to the
 * database for one town, plus the same data in memory for the reference formulas.
 * Verification times are UTC instants near midnight so the Europe/Berlin date rule is exercised.
 */
export interface FixtureUnit {
  key: string;
  inside: boolean;
  floorAreaM2: number | null;
  verifiedAt: string | null;
  periods: KpiPeriod[];
}

const p = (
  status: KpiPeriod['status'],
  validFrom: string,
  validTo: string | null,
  useCategory: KpiPeriod['useCategory'] = null,
  businessName: string | null = null,
): KpiPeriod => ({
  status,
  validFrom,
  validTo,
  useCategory,
  businessName,
});

export const FIXTURE_UNITS: FixtureUnit[] = [
  {
    key: 'A',
    inside: true,
    floorAreaM2: 100,
    verifiedAt: '2024-01-14T23:30:00Z',
    periods: [p('occupied', '2020-01-01', '2024-04-01', 'retail_daily'), p('vacant', '2024-04-01', null)],
  },
  {
    key: 'B',
    inside: true,
    floorAreaM2: 50,
    verifiedAt: null,
    periods: [p('vacant', '2022-01-01', '2023-01-01'), p('vacant', '2023-01-01', null)],
  },
  // verified 2023-06-30 in UTC but 2023-07-01 in Berlin: fresh on 2024-06-30
  {
    key: 'C',
    inside: true,
    floorAreaM2: null,
    verifiedAt: '2023-06-30T22:30:00Z',
    periods: [p('occupied', '2019-01-01', '2024-02-29', 'food_drink'), p('vacant', '2024-02-29', null)],
  },
  {
    key: 'D',
    inside: true,
    floorAreaM2: 80,
    verifiedAt: '2024-06-30T08:00:00Z',
    periods: [
      p('occupied', '2018-01-01', '2023-06-01', 'services'),
      p('vacant', '2023-06-01', '2024-05-01'),
      p('temporary_use', '2024-05-01', null, 'culture_leisure'),
    ],
  },
  {
    key: 'E',
    inside: true,
    floorAreaM2: 60,
    verifiedAt: '2023-06-30T10:00:00Z',
    periods: [
      p('occupied', '2021-01-01', '2024-04-10', 'retail_comparison', 'Modehaus Kranz'),
      p('vacant', '2024-04-10', '2024-05-20'),
      p('occupied', '2024-05-20', null, 'retail_comparison', 'Buchhandlung Seitenweise'),
    ],
  },
  { key: 'F', inside: false, floorAreaM2: 200, verifiedAt: null, periods: [p('vacant', '2020-01-01', null)] },
  {
    key: 'G',
    inside: true,
    floorAreaM2: 300,
    verifiedAt: '2024-05-01T10:00:00Z',
    periods: [p('occupied', '2015-01-01', '2024-06-01', 'other'), p('demolished', '2024-06-01', null)],
  },
  {
    key: 'H',
    inside: true,
    floorAreaM2: 40,
    verifiedAt: null,
    periods: [p('under_renovation', '2024-01-01', '2024-06-30'), p('occupied', '2024-06-30', null)],
  },
  {
    key: 'I',
    inside: true,
    floorAreaM2: null,
    verifiedAt: '2024-03-01T10:00:00Z',
    periods: [p('not_lettable', '2010-01-01', null)],
  },
  {
    key: 'J',
    inside: true,
    floorAreaM2: 70,
    verifiedAt: null,
    periods: [p('occupied', '2024-06-15', null, 'health', 'Praxis Lindner')],
  },
  {
    key: 'K',
    inside: true,
    floorAreaM2: 90,
    verifiedAt: null,
    periods: [p('occupied', '2020-01-01', '2024-05-15', 'retail_daily')],
  },
];

export interface FixtureIntervention {
  key: string;
  type: KpiIntervention['type'];
  state: KpiIntervention['state'];
  startDate: string | null;
  endDate: string | null;
  budgetEur: number | null;
  units: string[];
  check12: KpiIntervention['check12'];
}

const i = (
  key: string,
  type: KpiIntervention['type'],
  state: KpiIntervention['state'],
  startDate: string | null,
  endDate: string | null,
  budgetEur: number | null,
  units: string[],
  check12: KpiIntervention['check12'] = null,
): FixtureIntervention => ({
  key,
  type,
  state,
  startDate,
  endDate,
  budgetEur,
  units,
  check12,
});

/**
 * Outcomes by hand (docs/kpis.md, "Intervention outcome"; E = end + 12 months), on 2025-06-30:
 * I1 success (check) · I2 overdue (E let on its E, but the business on its last day is not recorded) ·
 * I3 failure (D a temporary use on E) · I4 pending (E 2025-09-30) · I5 pending (running) ·
 * I6 success (E still Modehaus Kranz) · I7 failure (A vacant; its check is dated later) · I8 overdue
 * (no unit, no check) · I9 failure (A vacant) · I10 success (J still Praxis Lindner) · I11 otherTenant
 * (check: lease signed but no longer trading; E let to Buchhandlung Seitenweise) · I12 otherTenant
 * (Kranz on its last day, Seitenweise on E) · I13 success (check: businesses still open, though not
 * every unit is let) · I14, I15 not measured.
 */
export const FIXTURE_INTERVENTIONS: FixtureIntervention[] = [
  i('I1', 'test_shop', 'ended', '2023-10-01', '2024-03-31', 12000, [], {
    regularLeaseSigned: true,
    checkedOn: '2025-04-02',
  }),
  i('I2', 'pop_up', 'ended', '2024-04-10', '2024-04-30', 3000, ['E']),
  i('I3', 'temporary_use', 'ended', '2024-01-01', '2024-04-30', 8000, ['D']),
  i('I4', 'test_shop', 'ended', '2024-04-01', '2024-09-30', 10000, ['E']),
  i('I5', 'test_shop', 'running', '2025-01-01', null, null, ['E']),
  i('I6', 'rent_subsidy', 'ended', '2022-01-01', '2023-01-31', 6000, ['E']),
  i('I7', 'test_shop', 'ended', '2023-09-01', '2024-02-29', 9000, ['A'], {
    regularLeaseSigned: true,
    checkedOn: '2025-07-15',
  }),
  i('I8', 'pop_up', 'ended', '2023-12-01', '2024-01-31', null, []),
  i('I9', 'test_shop', 'ended', '2023-07-01', '2024-01-31', 20000, ['E', 'A']),
  i('I10', 'temporary_use', 'ended', '2024-06-01', '2024-06-20', 2000, ['J']),
  i('I11', 'test_shop', 'ended', '2023-11-01', '2024-04-30', null, ['E'], {
    regularLeaseSigned: true,
    businessStillTrading: false,
    checkedOn: '2025-05-02',
  }),
  i('I12', 'pop_up', 'ended', '2024-03-01', '2024-04-05', 5000, ['E']),
  i('I13', 'rent_subsidy', 'ended', '2023-04-01', '2024-03-31', 4000, ['A', 'E'], {
    regularLeaseSigned: false,
    businessStillTrading: true,
    checkedOn: '2025-04-01',
  }),
  i('I14', 'facade_programme', 'ended', '2023-01-01', '2023-12-31', 30000, ['E']),
  i('I15', 'event', 'ended', '2023-05-01', '2023-05-31', 1500, []),
];

/** The fixture in memory, as the reference formulas take it. */
export function fixtureInMemory(): { units: KpiUnit[]; interventions: KpiIntervention[] } {
  const periodsOf = new Map(FIXTURE_UNITS.map((u) => [u.key, u.periods]));
  return {
    units: FIXTURE_UNITS.map((u) => ({
      insidePerimeter: u.inside,
      floorAreaM2: u.floorAreaM2,
      visits: u.verifiedAt ? [berlinDate(u.verifiedAt)] : [],
      periods: u.periods,
    })),
    interventions: FIXTURE_INTERVENTIONS.map((x) => ({
      type: x.type,
      state: x.state,
      endDate: x.endDate,
      check12: x.check12,
      linkedUnits: x.units.map((key) => periodsOf.get(key)!),
    })),
  };
}

/** A new test town (somewhere of its own) holding the fixture. */
export async function fixtureTown(
  db: DataSource,
  population: number,
  openData = true,
): Promise<{ city: TestCity; storefronts: Map<string, string>; interventions: Map<string, string> }> {
  const city = await createCity(db, [10.7 + Math.random(), 50.5 + Math.random()], population, openData);
  return { city, ...(await insertFixture(db, city)) };
}

/** Writes the fixture into `city` (a test town whose perimeter is a 0.01° square around its centre). */
export async function insertFixture(
  db: DataSource,
  city: TestCity,
): Promise<{ storefronts: Map<string, string>; interventions: Map<string, string> }> {
  const storefronts = new Map<string, string>();
  const interventions = new Map<string, string>();
  await db.transaction(async (em) => {
    for (const [n, u] of FIXTURE_UNITS.entries()) {
      const offset = u.inside ? 0.0001 * (n + 1) : 0.02;
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO storefronts (city_id, street, house_number, location, floor_area_m2, verified_at)
         VALUES ($1, 'Marktstraße', $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5, $6) RETURNING id`,
        [
          city.id,
          String(n + 1),
          city.centre[0] + offset,
          city.centre[1] + offset,
          u.floorAreaM2,
          u.verifiedAt,
        ],
      );
      storefronts.set(u.key, row!.id);
      for (const period of u.periods) {
        await em.query(
          `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from, valid_to,
                                         business_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            row!.id,
            city.id,
            period.status,
            period.useCategory,
            period.validFrom,
            period.validTo,
            period.businessName ?? null,
          ],
        );
      }
    }
    for (const x of FIXTURE_INTERVENTIONS) {
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO interventions (city_id, type, title, state, start_date, end_date, budget_eur)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [city.id, x.type, `Fixture ${x.key}`, x.state, x.startDate, x.endDate, x.budgetEur],
      );
      interventions.set(x.key, row!.id);
      for (const key of x.units) {
        await em.query(
          `INSERT INTO intervention_storefronts (intervention_id, storefront_id, city_id) VALUES ($1, $2, $3)`,
          [row!.id, storefronts.get(key), city.id],
        );
      }
      if (x.check12) {
        await em.query(
          `INSERT INTO intervention_outcome_checks (intervention_id, city_id, months_after_end, checked_on,
                                                   regular_lease_signed, business_still_trading)
           VALUES ($1, $2, 12, $3, $4, $5)`,
          [
            row!.id,
            city.id,
            x.check12.checkedOn,
            x.check12.regularLeaseSigned,
            x.check12.businessStillTrading ?? null,
          ],
        );
      }
    }
  });
  return { storefronts, interventions };
}
