import { type Day, dayOf, isoOf, monthStart } from './days.js';
import { layoutStorefronts } from './demo-geometry.js';
import {
  assertValidHistory,
  freeHistory,
  type HistoryContext,
  type OccupancyStatus,
  type Period,
  periodAt,
  scriptedHistory,
} from './demo-history.js';
import {
  type DemoIntervention,
  type InterventionPlan,
  planCampaign,
  type PlannerContext,
  type PlanUnit,
  planSiteIntervention,
} from './demo-interventions.js';
import { INTERIM_USERS, STARTUP_CONCEPTS, type UseCategory } from './demo-names.js';
import { type DemoOutcomeCheck, outcomeChecks } from './demo-outcomes.js';
import { planFacadeProgramme, planRentSubsidy, planVacancyExchange } from './demo-programmes.js';
import { planTestShop } from './demo-test-shop.js';
import { hashSeed, Random } from './prng.js';

/**
 * Pure generator of SYNTHETIC demo data for one town (no database, no clock, no Math.random): the same
 * town and seed always give the same storefronts, histories and interventions. See docs/demo-data.md.
 */

export interface DemoTown {
  cityId: string;
  slug: string;
  name: string;
  /** Prefix of the storefronts' reference ids, e.g. MHL → MHL-0001. */
  code: string;
  postcode: string;
  centre: { lon: number; lat: number };
  population: number;
  perimeterRadiusM: number;
  /** Chamber of commerce named as a partner. */
  chamber: string;
  /** Runs the test-and-swap shop modelled on „Frei.Handel“ (Mühlhausen). */
  testShop: boolean;
}

export interface DemoOptions {
  seed: number;
  /** Snapshot date (ISO): histories end open on it, outcome checks are those due by it. */
  asOf: string;
  /** First day of every history (ISO), default 2016-01-01. */
  historyStart?: string;
}

export const DEFAULT_DEMO_OPTIONS: Required<DemoOptions> = {
  seed: 20161101,
  asOf: '2026-11-01',
  historyStart: '2016-01-01',
};

export const SYNTHETIC_NOTE = 'Synthetische Demodaten – kein realer Laden.';

export interface DemoStorefront {
  id: string;
  cityId: string;
  street: string;
  houseNumber: string;
  postcode: string;
  lon: number;
  lat: number;
  floorAreaM2: number;
  frontageM: number;
  floor: 'ground' | 'upper' | 'basement';
  referenceId: string;
  notes: string;
  /** ISO timestamp (UTC) of the last on-site verification. */
  verifiedAt: string;
  /** Earlier on-site verifications (ISO timestamps, oldest first): the town's yearly walks, 0–3 of them. */
  earlierVisits: string[];
  insidePerimeter: boolean;
  /** Not stored: metres from the town's centre point. */
  distanceM: number;
}

export interface DemoPeriod {
  storefrontId: string;
  cityId: string;
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export interface TownDemoData {
  town: DemoTown;
  /** Share of vacant units (of those not demolished) targeted on the snapshot date. */
  vacancyTarget: number;
  storefronts: DemoStorefront[];
  periods: DemoPeriod[];
  interventions: DemoIntervention[];
  interventionStorefronts: { interventionId: string; storefrontId: string; cityId: string }[];
  outcomeChecks: DemoOutcomeCheck[];
}

/** 60 storefronts for a town of 10,000, 400 for one of ~93,000, growing with √population. */
export function storefrontCount(population: number): number {
  const n = 60 + (340 * (Math.sqrt(population) - 100)) / (Math.sqrt(93_125) - 100);
  return Math.min(400, Math.max(60, Math.round(n)));
}

function floorArea(rng: Random): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float());
  return Math.round(Math.min(600, Math.max(30, Math.exp(Math.log(80) + 0.7 * z))) * 2) / 2;
}

/**
 * The yearly walks before a unit's last visit on `lastDay`: i % 4 of them, each 335–395 days before the
 * next. Derived from the unit's index, not drawn from the generator's random stream, so that adding them
 * left every other demo value as it was.
 */
function earlierVisits(i: number, lastDay: Day, seconds: number): string[] {
  const visits: string[] = [];
  let day = lastDay;
  for (let k = 1; k <= i % 4; k++) {
    day -= 365 + (((i * 7919 + k * 104_729) % 61) - 30);
    visits.unshift(new Date(day * 86_400_000 + seconds * 1000).toISOString());
  }
  return visits;
}

function buildStorefronts(town: DemoTown, rng: Random, ids: Random, asOf: Day): DemoStorefront[] {
  const sites = layoutStorefronts(rng, town.centre, storefrontCount(town.population), town.perimeterRadiusM);
  return sites.map((site, i) => {
    const area = floorArea(rng);
    const verifiedDaysAgo = Math.floor(730 * rng.float() ** 1.6);
    const seconds = rng.int(8 * 3600, 17 * 3600);
    return {
      id: ids.uuid(),
      cityId: town.cityId,
      street: site.street,
      houseNumber: site.houseNumber,
      postcode: town.postcode,
      lon: site.lon,
      lat: site.lat,
      floorAreaM2: area,
      frontageM: Math.min(25, Math.max(3, Math.round(Math.sqrt(area) * rng.between(0.45, 0.8) * 10) / 10)),
      floor: rng.weighted({ ground: 0.9, upper: 0.07, basement: 0.03 }),
      referenceId: `${town.code}-${String(i + 1).padStart(4, '0')}`,
      notes: SYNTHETIC_NOTE,
      verifiedAt: new Date((asOf - verifiedDaysAgo) * 86_400_000 + seconds * 1000).toISOString(),
      earlierVisits: earlierVisits(i, asOf - verifiedDaysAgo, seconds),
      insidePerimeter: site.insidePerimeter,
      distanceM: site.distanceM,
    };
  });
}

function planInterventions(ctx: PlannerContext, town: DemoTown): InterventionPlan[] {
  const plans = town.testShop ? planTestShop(ctx) : [];
  const types = ctx.rng.shuffle([
    'pop_up',
    'temporary_use',
    'rent_subsidy',
    'facade_programme',
    'vacancy_exchange_listing',
    'event',
    'marketing',
    'pop_up',
    'temporary_use',
    'event',
    'other',
    'rent_subsidy',
  ] as const);
  const m = 5 + Math.floor(ctx.units.length / 70);
  const lo = ctx.start + 180;
  const span = ctx.asOf + 240 - lo;
  types.slice(0, m).forEach((type, i) => {
    const day = Math.round(lo + ((i + ctx.rng.between(0.1, 0.9)) * span) / m);
    const start = type === 'pop_up' || type === 'event' ? day : monthStart(day);
    switch (type) {
      case 'pop_up':
      case 'temporary_use':
        plans.push(planSiteIntervention(ctx, type, start));
        break;
      case 'rent_subsidy':
        plans.push(planRentSubsidy(ctx, start));
        break;
      case 'vacancy_exchange_listing':
        plans.push(planVacancyExchange(ctx, start));
        break;
      case 'facade_programme':
        plans.push(planFacadeProgramme(ctx, start));
        break;
      case 'event':
      case 'marketing':
      case 'other':
        plans.push(planCampaign(ctx, type, start));
        break;
    }
  });
  return plans;
}

/** Final statuses for the units no intervention touches, so that the town meets its vacancy target. */
function finalStatuses(rng: Random, n: number, free: number, scripted: OccupancyStatus[], target: number) {
  const count = (s: OccupancyStatus) => scripted.filter((x) => x === s).length;
  const quota: [OccupancyStatus, number][] = [
    ['vacant', Math.round(n * target) - count('vacant')],
    ['under_renovation', Math.max(1, Math.round(n * 0.02)) - count('under_renovation')],
    ['not_lettable', (n >= 100 ? Math.max(1, Math.round(n * 0.01)) : 0) - count('not_lettable')],
    ['demolished', Math.floor(n / 150)],
  ];
  const statuses = quota.flatMap(([s, k]) => Array.from({ length: Math.max(0, k) }, () => s));
  while (statuses.length < free) statuses.push('occupied');
  return rng.shuffle(statuses.slice(0, free));
}

export function generateTownDemo(town: DemoTown, options: DemoOptions): TownDemoData {
  const { seed, asOf: asOfIso, historyStart } = { ...DEFAULT_DEMO_OPTIONS, ...options };
  const stream = (name: string) => new Random(hashSeed(seed, town.slug, name));
  const asOf = dayOf(asOfIso);
  const start = dayOf(historyStart);
  const ids = stream('ids');
  const storefronts = buildStorefronts(town, stream('layout'), ids, asOf);
  const units: PlanUnit[] = storefronts.map((s, index) => ({
    index,
    id: s.id,
    address: `${s.street} ${s.houseNumber}`,
    ground: s.floor === 'ground',
    insidePerimeter: s.insidePerimeter,
    distanceM: s.distanceM,
  }));
  const names = new Set<string>();
  const planRng = stream('interventions');
  const ctx: PlannerContext = {
    rng: planRng,
    ids,
    start,
    asOf,
    names,
    cityId: town.cityId,
    chamber: town.chamber,
    units,
    used: new Set(),
    concepts: planRng.shuffle(STARTUP_CONCEPTS),
    interim: planRng.shuffle(INTERIM_USERS),
  };
  const plans = planInterventions(ctx, town);

  const historyCtx: HistoryContext = { rng: stream('history'), start, asOf, names };
  const histories = new Map<number, Period[]>();
  for (const plan of plans) {
    for (const [index, script] of plan.scripts) {
      if ((script[0]?.from ?? Infinity) <= asOf) histories.set(index, scriptedHistory(historyCtx, script));
    }
  }
  const scriptedFinals = [...histories.values()].map((h) => periodAt(h, asOf)?.status ?? 'vacant');
  const free = units.filter((u) => !histories.has(u.index));
  const vacancyTarget = Math.round(stream('target').between(0.07, 0.15) * 1000) / 1000;
  const finals = finalStatuses(historyCtx.rng, units.length, free.length, scriptedFinals, vacancyTarget);
  free.forEach((u, i) => histories.set(u.index, freeHistory(historyCtx, finals[i] ?? 'occupied')));

  const periods: DemoPeriod[] = [];
  storefronts.forEach((s, index) => {
    const history = histories.get(index) ?? [];
    assertValidHistory(history, start, asOf);
    for (const p of history) {
      periods.push({
        storefrontId: s.id,
        cityId: town.cityId,
        status: p.status,
        useCategory: p.useCategory,
        businessName: p.businessName,
        validFrom: isoOf(p.from),
        validTo: p.to === null ? null : isoOf(p.to),
        note: p.note,
      });
    }
  });
  const interventions = plans.map((p) => p.intervention);
  return {
    town,
    vacancyTarget,
    storefronts,
    periods,
    interventions,
    interventionStorefronts: interventions.flatMap((iv) =>
      iv.storefrontIds.map((storefrontId) => ({ interventionId: iv.id, storefrontId, cityId: town.cityId })),
    ),
    outcomeChecks: plans.flatMap((p) => outcomeChecks(p, histories, asOf)),
  };
}

export function generateDemo(towns: readonly DemoTown[], options: DemoOptions): TownDemoData[] {
  return towns.map((t) => generateTownDemo(t, options));
}
