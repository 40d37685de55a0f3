import { existsSync, readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

/**
 * The synthetic benchmark data set (every row `is_synthetic`): ~2,000 towns — the most populous
 * municipalities of the Destatis GV100 list (names, centres, population) when the file is present,
 * else synthetic towns spread over Germany — with N storefronts shared out in proportion to √population,
 * four occupancy periods per unit over 2015–2025 and a few interventions per town. Set-based SQL
 * (`INSERT … SELECT generate_series`) with triggers off (session_replication_role = replica), then the
 * pre-aggregates are rebuilt once (kpi_rebuild, town_unit_counts_rebuild, tile_grid_rebuild) exactly as
 * the migrations backfill them.
 */
export const SIZES = { S: 50_000, M: 500_000, L: 5_000_000 } as const;
export type Size = keyof typeof SIZES;
export const TOWNS = 2000;
const GV100 = '../shared/data/municipalities/destatis_gv100_gemeinden_2019-12-31.csv';

interface Town {
  ags: string;
  name: string;
  lon: number;
  lat: number;
  population: number;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The towns and where they came from. */
export function loadTowns(): { towns: Town[]; source: string } {
  if (existsSync(GV100)) {
    const [header, ...lines] = readFileSync(GV100, 'utf8').trim().split('\n');
    const cols = parseCsvLine(header!);
    const at = (name: string) => cols.indexOf(name);
    const towns = lines
      .map(parseCsvLine)
      .map((f) => ({
        ags: f[at('ags')]!,
        name: f[at('name')]!,
        lon: Number(f[at('lon')]),
        lat: Number(f[at('lat')]),
        population: Number(f[at('population')]),
      }))
      .filter((t) => /^\d{8}$/.test(t.ags) && Number.isFinite(t.lon) && Number.isFinite(t.lat))
      .sort((a, b) => b.population - a.population)
      .slice(0, TOWNS);
    return { towns, source: `Destatis GV100 2019-12-31, the ${towns.length} most populous municipalities` };
  }
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const towns = Array.from({ length: TOWNS }, (_, i) => ({
    ags: String(90000000 + i),
    name: `Synthetische Stadt ${i + 1}`,
    lon: 6 + rnd() * 8.5,
    lat: 47.6 + rnd() * 7,
    population: Math.round(5000 + 300000 * rnd() ** 4),
  }));
  return { towns, source: `synthetic: ${TOWNS} towns (GV100 list not found at ${GV100})` };
}

export async function generate(db: DataSource, size: Size, log: (msg: string) => void): Promise<string> {
  const { towns, source } = loadTowns();
  const total = SIZES[size];
  const weight = towns.map((t) => Math.sqrt(Math.max(t.population, 1)));
  const sum = weight.reduce((a, b) => a + b, 0);
  const units = weight.map((w) => Math.max(5, Math.round((w / sum) * total)));
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  await q(`SET session_replication_role = replica`);
  await q(`SELECT setseed(0.42)`);
  let t0 = Date.now();
  // perimeter: a square of 0.004°–0.012° half-width by size; units scatter over 1.3 × that square
  await q(
    `INSERT INTO cities (slug, name, ags, state, population, population_year, population_source, centre,
                         boundary, perimeter, perimeter_is_placeholder, open_data)
     SELECT 'bench-' || t.ags, t.name, t.ags, 'Deutschland', t.pop, 2019, 'Destatis GV100 (benchmark)',
            ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326),
            ST_Multi(ST_Expand(ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), 0.05)),
            ST_Multi(ST_Expand(ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t.half)), true, true
     FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::int[], $6::float8[])
          AS t(ags, name, lon, lat, pop, half)`,
    [
      towns.map((t) => t.ags),
      towns.map((t) => t.name),
      towns.map((t) => t.lon),
      towns.map((t) => t.lat),
      towns.map((t) => t.population),
      units.map((n) => Math.min(0.012, 0.004 + n / 250000)),
    ],
  );
  await q(
    `CREATE TEMP TABLE bench_quota AS
     SELECT c.id, c.centre, ST_XMax(c.perimeter) - ST_X(c.centre) AS half, u.n
     FROM unnest($1::text[], $2::int[]) AS u(ags, n) JOIN cities c ON c.ags = u.ags`,
    [towns.map((t) => t.ags), units],
  );
  log(`towns: ${towns.length} (${Date.now() - t0} ms)`);
  t0 = Date.now();
  await q(`
    INSERT INTO storefronts (city_id, street, house_number, location, floor_area_m2, verified_at, is_synthetic,
                             inside_perimeter)
    SELECT b.id, 'Synthetische Straße', i::text, p.loc,
           CASE WHEN random() < 0.1 THEN NULL ELSE round((30 + random() * 300)::numeric, 1) END,
           CASE WHEN random() < 0.4 THEN NULL ELSE timestamptz '2023-06-01' + random() * interval '900 days' END,
           true, ST_Intersects(c.perimeter, p.loc)
    FROM bench_quota b
    JOIN cities c ON c.id = b.id
    CROSS JOIN generate_series(1, b.n) i
    CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(ST_X(b.centre) + (random() * 2 - 1) * b.half * 1.3,
                                                       ST_Y(b.centre) + (random() * 2 - 1) * b.half * 1.3 + 0 * i), 4326) AS loc) p`);
  // What the triggers of migration VerificationHistory would have written (they are off here): the
  // visit and its 12-month window, so the freshness KPI counts the synthetic units as the app would.
  await q(`
    INSERT INTO storefront_verifications (storefront_id, verified_at)
    SELECT id, verified_at FROM storefronts WHERE verified_at IS NOT NULL AND is_synthetic`);
  await q(`
    UPDATE storefronts SET fresh_during = datemultirange(verification_window(verified_at))
    WHERE verified_at IS NOT NULL AND is_synthetic`);
  log(`storefronts: ${total.toLocaleString('en')} requested (${Date.now() - t0} ms)`);
  t0 = Date.now();
  // four periods: occupied, vacant (2–16 months), in use again, then the current status (open)
  await q(`
    INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, valid_from, valid_to)
    SELECT s.id, s.city_id, v.status, CASE WHEN v.status IN ('occupied', 'temporary_use') THEN v.cat END,
           v.f, v.t
    FROM storefronts s
    CROSS JOIN LATERAL (
      SELECT d0, d1, d1 + (60 + random() * 420)::int AS d2, r_last, r_mid,
             (ARRAY['retail_comparison','retail_daily','food_drink','services','health','culture_leisure','public_social','other'])[1 + floor(random() * 8)::int] AS cat
      FROM (SELECT date '2015-01-01' + (random() * 700)::int AS d0, random() AS r_last, random() AS r_mid
            WHERE s.id IS NOT NULL) a
      CROSS JOIN LATERAL (SELECT a.d0 + (300 + random() * 1100)::int AS d1) b
    ) x
    CROSS JOIN LATERAL (SELECT x.d2 + (300 + random() * 1200)::int AS d3) y
    CROSS JOIN LATERAL (VALUES
      ('occupied', x.cat, x.d0, x.d1),
      ('vacant', NULL, x.d1, x.d2),
      (CASE WHEN x.r_mid < 0.1 THEN 'temporary_use' ELSE 'occupied' END, x.cat, x.d2, y.d3),
      (CASE WHEN x.r_last < 0.72 THEN 'occupied' WHEN x.r_last < 0.88 THEN 'vacant'
            WHEN x.r_last < 0.93 THEN 'temporary_use' WHEN x.r_last < 0.97 THEN 'under_renovation'
            ELSE 'not_lettable' END, x.cat, y.d3, NULL::date)
    ) AS v(status, cat, f, t)
    WHERE s.is_synthetic`);
  log(`occupancy periods (${Date.now() - t0} ms)`);
  t0 = Date.now();
  await q(`
    INSERT INTO interventions (city_id, type, title, state, start_date, end_date, budget_eur, is_synthetic)
    SELECT b.id, (ARRAY['test_shop','pop_up','temporary_use','rent_subsidy','event'])[1 + floor(random() * 5)::int],
           'Synthetische Maßnahme ' || i, 'ended', d, d + 180, round((2000 + random() * 20000)::numeric, 2), true
    FROM bench_quota b CROSS JOIN generate_series(1, 4) i
    CROSS JOIN LATERAL (SELECT date '2016-01-01' + (random() * 2500)::int + 0 * i AS d) x`);
  await q(`
    INSERT INTO intervention_storefronts (intervention_id, storefront_id, city_id)
    SELECT i.id, s.id, i.city_id FROM interventions i
    CROSS JOIN LATERAL (SELECT id FROM storefronts s WHERE s.city_id = i.city_id LIMIT 1 OFFSET (random() * 3)::int) s
    WHERE i.is_synthetic`);
  log(`interventions (${Date.now() - t0} ms)`);
  await q(`SET session_replication_role = DEFAULT`);
  t0 = Date.now();
  await q(`ANALYZE`);
  await q(`SELECT kpi_rebuild()`);
  await q(`SELECT town_unit_counts_rebuild()`);
  log(`KPI pre-aggregates rebuilt (${Date.now() - t0} ms)`);
  t0 = Date.now();
  await q(`SELECT tile_grid_rebuild()`);
  await q(`SELECT tile_bump_versions(ARRAY(SELECT id FROM cities))`);
  await q(`VACUUM ANALYZE`);
  log(`tile grid rebuilt, vacuum analyze (${Date.now() - t0} ms)`);
  return source;
}
