import { deriveFlowKpis, deriveStockKpis } from '../src/kpis/kpi-derive.js';
import { countFlows, countStock, trailingYear } from '../src/kpis/kpi-formulas.js';
import type { KpiPeriod, KpiUnit } from '../src/kpis/kpi.types.js';
import type { TestApp } from './app.js';
import type { Agent } from './auth.js';

/**
 * The oracle of the KPI write tests: the town's raw rows (scope by ST_Intersects, not the stored
 * flag) run through kpi-formulas.ts, compared with what the API answers from the pre-aggregates;
 * and the maintained aggregates compared with a rebuild from scratch.
 */
export const ORACLE_DATES = [
  '2019-06-30',
  '2023-03-01',
  '2024-02-29',
  '2024-06-30',
  '2024-09-15',
  '2025-06-30',
  '2030-01-01',
];

/** The town as the formulas take it, read from the raw tables. */
export async function unitsFromDb(t: TestApp, cityId: string): Promise<KpiUnit[]> {
  const rows = await t.db.query<
    { inside: boolean; area: number | null; visits: string[]; periods: KpiPeriod[] | null }[]
  >(
    `SELECT COALESCE(ST_Intersects(c.perimeter, s.location), false) AS inside,
            s.floor_area_m2::float8 AS area,
            ARRAY(SELECT to_char((v.verified_at AT TIME ZONE 'Europe/Berlin')::date, 'YYYY-MM-DD')
                  FROM storefront_verifications v WHERE v.storefront_id = s.id) AS visits,
            (SELECT json_agg(json_build_object('status', o.status, 'useCategory', o.use_category,
                     'validFrom', to_char(o.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(o.valid_to, 'YYYY-MM-DD'))
                     ORDER BY o.valid_from)
               FROM occupancy_periods o WHERE o.storefront_id = s.id) AS periods
     FROM storefronts s JOIN cities c ON c.id = s.city_id WHERE s.city_id = $1`,
    [cityId],
  );
  return rows.map((r) => ({
    insidePerimeter: r.inside,
    floorAreaM2: r.area,
    visits: r.visits,
    periods: r.periods ?? [],
  }));
}

/** Snapshots on ORACLE_DATES and a quarterly series equal the formulas on the current raw data. */
export async function expectEqualToFormulas(
  t: TestApp,
  reader: Agent,
  cityId: string,
  population: number,
): Promise<void> {
  const units = await unitsFromDb(t, cityId);
  for (const asOf of ORACLE_DATES) {
    const res = await reader.get(`/api/kpis?cityId=${cityId}&asOf=${asOf}`).expect(200);
    const { flows, interventionsEvaluated, interventionsConverted, ...stock } = res.body[0];
    const conversion = { evaluated: interventionsEvaluated, converted: interventionsConverted };
    const year = trailingYear(asOf);
    const expected = deriveStockKpis(countStock(units, asOf), population, conversion);
    expect({ asOf, ...stock, interventionsEvaluated, interventionsConverted }).toMatchObject({
      asOf,
      ...expected,
    });
    expect(flows).toEqual(deriveFlowKpis(countFlows(units, year.from, year.to), year.from, year.to));
  }
  const series = await reader
    .get(`/api/kpis/series?cityId=${cityId}&from=2022-01-01&to=2025-12-31&interval=quarter`)
    .expect(200);
  for (const { start, end, flows, ...stock } of series.body.towns[0].buckets) {
    const conversion = { evaluated: stock.interventionsEvaluated, converted: stock.interventionsConverted };
    expect({ end, ...stock }).toEqual({
      end,
      ...deriveStockKpis(countStock(units, end), population, conversion),
    });
    expect(flows).toEqual(deriveFlowKpis(countFlows(units, start, end), start, end));
  }
}

/** The maintained aggregates of the town equal a rebuild from scratch (kpi_rebuild). */
export async function expectEqualToRebuild(t: TestApp, cityId: string): Promise<void> {
  const read = async () => ({
    days: await t.db.query(`SELECT * FROM kpi_town_days WHERE city_id = $1 ORDER BY day`, [cityId]),
    months: await t.db.query(`SELECT * FROM kpi_town_months WHERE city_id = $1 ORDER BY month`, [cityId]),
    vacancies: await t.db.query(
      `SELECT storefront_id, started_on, ended_on, relet_on FROM kpi_vacancies WHERE city_id = $1
        ORDER BY storefront_id, started_on`,
      [cityId],
    ),
    vacancyMonths: await t.db.query(
      `SELECT month, median_vacancy_days FROM kpi_vacancy_months WHERE city_id = $1 ORDER BY month`,
      [cityId],
    ),
  });
  /** Rows with any non-zero change, numbers compared as numbers (numeric scale may differ). */
  const nonZero = (rows: Record<string, unknown>[]) =>
    rows
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'string' && /^-?[\d.]+$/.test(v) ? Number(v) : v,
          ]),
        ),
      )
      .filter((r) => Object.entries(r).some(([k, v]) => !['city_id', 'day', 'month'].includes(k) && v !== 0));
  const maintained = await read();
  await t.db.query(`SELECT kpi_rebuild(ARRAY[$1::uuid])`, [cityId]);
  const rebuilt = await read();
  expect(nonZero(maintained.months)).toEqual(nonZero(rebuilt.months));
  expect(maintained.vacancies).toEqual(rebuilt.vacancies);
  expect(maintained.vacancyMonths).toEqual(rebuilt.vacancyMonths);
  expect(nonZero(maintained.days)).toEqual(nonZero(rebuilt.days));
  expect(nonZero(maintained.days).length).toBeGreaterThan(10);
}
