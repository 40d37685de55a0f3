import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_DEMO_OPTIONS, type DemoOptions, generateDemo, type TownDemoData } from './demo-generator.js';
import { DEMO_TOWN_SLUGS, demoTowns } from './demo-towns.js';
import { type ReferenceCitySlug, SEED_LOCK_KEY } from './reference.js';
import { readPartnerTowns, resolveReferenceDataDir } from './reference-files.js';

/**
 * Writes the SYNTHETIC demo data (see demo-generator.ts and docs/demo-data.md). One transaction:
 * delete the demo towns' previous synthetic rows (is_synthetic = true; real rows are never touched),
 * then bulk-insert with unnest() arrays, one statement per table.
 */

export interface SeedDemoOptions extends Partial<DemoOptions> {
  /** Restrict to some of the demo towns (default: all eleven). */
  towns?: readonly ReferenceCitySlug[];
  referenceDataDir?: string;
}

export interface SeedDemoResult {
  towns: number;
  storefronts: number;
  periods: number;
  interventions: number;
  interventionStorefronts: number;
  outcomeChecks: number;
  deleted: { storefronts: number; interventions: number };
}

export async function seedDemo(ds: DataSource, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const slugs = opts.towns ?? DEMO_TOWN_SLUGS;
  const unknown = slugs.filter((s) => !DEMO_TOWN_SLUGS.includes(s));
  if (unknown.length > 0) throw new Error(`seedDemo: no demo data for ${unknown.join(', ')}`);
  const towns = demoTowns(readPartnerTowns(opts.referenceDataDir ?? resolveReferenceDataDir())).filter((t) =>
    slugs.includes(t.slug as ReferenceCitySlug),
  );
  const data = generateDemo(towns, {
    seed: opts.seed ?? DEFAULT_DEMO_OPTIONS.seed,
    asOf: opts.asOf ?? DEFAULT_DEMO_OPTIONS.asOf,
    historyStart: opts.historyStart ?? DEFAULT_DEMO_OPTIONS.historyStart,
  });
  const cityIds = towns.map((t) => t.cityId);

  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SEED_LOCK_KEY]);
    const present: { id: string }[] = await m.query(`SELECT id FROM cities WHERE id = ANY($1::uuid[])`, [
      cityIds,
    ]);
    if (present.length !== cityIds.length) {
      const missing = towns.filter((t) => !present.some((p) => p.id === t.cityId)).map((t) => t.slug);
      throw new Error(`seedDemo: cities missing (${missing.join(', ')}); run seedReference first`);
    }
    const deleted = {
      interventions: await deleteSynthetic(m, 'interventions', cityIds),
      storefronts: await deleteSynthetic(m, 'storefronts', cityIds),
    };
    await insertAll(m, data);
    return {
      towns: data.length,
      storefronts: sum(data, (d) => d.storefronts.length),
      periods: sum(data, (d) => d.periods.length),
      interventions: sum(data, (d) => d.interventions.length),
      interventionStorefronts: sum(data, (d) => d.interventionStorefronts.length),
      outcomeChecks: sum(data, (d) => d.outcomeChecks.length),
      deleted,
    };
  });
}

function sum(data: TownDemoData[], f: (d: TownDemoData) => number): number {
  return data.reduce((s, d) => s + f(d), 0);
}

/** Deletes synthetic rows of the towns; periods, links and checks go with them (ON DELETE CASCADE). */
async function deleteSynthetic(m: EntityManager, table: 'interventions' | 'storefronts', cityIds: string[]) {
  const [row]: { n: number }[] = await m.query(
    `WITH d AS (DELETE FROM ${table} WHERE is_synthetic AND city_id = ANY($1::uuid[]) RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [cityIds],
  );
  return row?.n ?? 0;
}

async function insertAll(m: EntityManager, data: TownDemoData[]): Promise<void> {
  const storefronts = data.flatMap((d) => d.storefronts);
  await m.query(
    `INSERT INTO storefronts (id, city_id, street, house_number, postcode, location, floor_area_m2, frontage_m,
       floor, reference_id, notes, verified_at, is_synthetic)
     SELECT t.id, t.city_id, t.street, t.house_number, t.postcode, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326),
       t.floor_area_m2, t.frontage_m, t.floor, t.reference_id, t.notes, t.verified_at, true
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[],
       $8::numeric[], $9::numeric[], $10::text[], $11::text[], $12::text[], $13::timestamptz[])
       AS t(id, city_id, street, house_number, postcode, lon, lat, floor_area_m2, frontage_m, floor,
            reference_id, notes, verified_at)`,
    [
      storefronts.map((s) => s.id),
      storefronts.map((s) => s.cityId),
      storefronts.map((s) => s.street),
      storefronts.map((s) => s.houseNumber),
      storefronts.map((s) => s.postcode),
      storefronts.map((s) => s.lon),
      storefronts.map((s) => s.lat),
      storefronts.map((s) => s.floorAreaM2),
      storefronts.map((s) => s.frontageM),
      storefronts.map((s) => s.floor),
      storefronts.map((s) => s.referenceId),
      storefronts.map((s) => s.notes),
      storefronts.map((s) => s.earlierVisits[0] ?? s.verifiedAt),
    ],
  );
  // The later visits in order, as the verify button would have recorded them (the database keeps each
  // visit and its 12-month window; migration VerificationHistory).
  for (let round = 1; storefronts.some((s) => s.earlierVisits.length >= round); round++) {
    const later = storefronts.filter((s) => s.earlierVisits.length >= round);
    await m.query(
      `UPDATE storefronts s SET verified_at = v.at
       FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE s.id = v.id`,
      [later.map((s) => s.id), later.map((s) => [...s.earlierVisits, s.verifiedAt][round]!)],
    );
  }

  const periods = data.flatMap((d) => d.periods);
  await m.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, business_name, valid_from,
       valid_to, note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[],
       $8::text[])`,
    [
      periods.map((p) => p.storefrontId),
      periods.map((p) => p.cityId),
      periods.map((p) => p.status),
      periods.map((p) => p.useCategory),
      periods.map((p) => p.businessName),
      periods.map((p) => p.validFrom),
      periods.map((p) => p.validTo),
      periods.map((p) => p.note),
    ],
  );

  const interventions = data.flatMap((d) => d.interventions);
  await m.query(
    `INSERT INTO interventions (id, city_id, type, title, description, start_date, end_date, budget_eur,
       funding_source, partners, state, lessons_learned, obstacles, is_synthetic)
     SELECT t.id, t.city_id, t.type, t.title, t.description, t.start_date, t.end_date, t.budget_eur,
            t.funding_source, t.partners, t.state, t.lessons_learned,
            string_to_array(t.obstacles, ','), true
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[],
       $7::date[], $8::numeric[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
       AS t(id, city_id, type, title, description, start_date, end_date, budget_eur, funding_source, partners,
            state, lessons_learned, obstacles)`,
    [
      interventions.map((i) => i.id),
      interventions.map((i) => i.cityId),
      interventions.map((i) => i.type),
      interventions.map((i) => i.title),
      interventions.map((i) => i.description),
      interventions.map((i) => i.startDate),
      interventions.map((i) => i.endDate),
      interventions.map((i) => i.budgetEur),
      interventions.map((i) => i.fundingSource),
      interventions.map((i) => i.partners),
      interventions.map((i) => i.state),
      interventions.map((i) => i.lessonsLearned),
      // a list per row cannot be a column of unnest (arrays of arrays must be rectangular): comma-joined
      interventions.map((i) => i.obstacles.join(',')),
    ],
  );

  const links = data.flatMap((d) => d.interventionStorefronts);
  await m.query(
    `INSERT INTO intervention_storefronts (intervention_id, storefront_id, city_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])`,
    [links.map((l) => l.interventionId), links.map((l) => l.storefrontId), links.map((l) => l.cityId)],
  );

  const checks = data.flatMap((d) => d.outcomeChecks);
  await m.query(
    `INSERT INTO intervention_outcome_checks (intervention_id, city_id, months_after_end, checked_on,
       regular_lease_signed, business_still_trading, note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::date[], $5::boolean[], $6::boolean[],
       $7::text[])`,
    [
      checks.map((c) => c.interventionId),
      checks.map((c) => c.cityId),
      checks.map((c) => c.monthsAfterEnd),
      checks.map((c) => c.checkedOn),
      checks.map((c) => c.regularLeaseSigned),
      checks.map((c) => c.businessStillTrading),
      checks.map((c) => c.note),
    ],
  );
}
