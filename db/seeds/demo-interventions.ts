import { addMonths, type Day, intoMonths, isoOf, monthStart, nextWeekday, yearOf } from './days.js';
import { type HistoryContext, type Period, period } from './demo-history.js';
import type { InterventionObstacle } from '../../api/src/interventions/intervention.types.js';
import {
  type Campaign,
  CAMPAIGNS,
  LESSONS,
  type LessonType,
  lessonText,
  obstaclesOfLesson,
  type OutcomeClass,
} from './demo-lessons.js';
import { STARTUP_CONCEPTS, type UseCategory } from './demo-names.js';
import type { Random } from './prng.js';

/**
 * Plans a town's synthetic interventions and the scripted stretches of occupancy history they imply:
 * a pop-up, test shop or temporary use shows as a temporary_use period on its unit, preceded by a
 * vacancy and followed by what the (invented) outcome says: a regular lease, a lease that failed, a
 * relapse into vacancy, or the owner renovating and letting to someone else.
 */

export type InterventionType =
  | 'test_shop'
  | 'pop_up'
  | 'temporary_use'
  | 'rent_subsidy'
  | 'facade_programme'
  | 'vacancy_exchange_listing'
  | 'event'
  | 'marketing'
  | 'other';
export type InterventionState = 'planned' | 'running' | 'ended';
/** How a single-unit intervention ended for its business. */
export type SiteOutcome = 'lease_kept' | 'lease_then_closed' | 'failed' | 'owner_relet';

export interface DemoIntervention {
  id: string;
  cityId: string;
  type: InterventionType;
  title: string;
  description: string;
  startDate: string | null;
  /** Last day (inclusive); its temporary_use period ends the day after: [start, end + 1). */
  endDate: string | null;
  budgetEur: number;
  fundingSource: string;
  partners: string;
  state: InterventionState;
  lessonsLearned: string | null;
  obstacles: InterventionObstacle[];
  /** Generator bookkeeping (not stored): how it went, 'open' while not ended. */
  outcome: OutcomeClass | 'open';
  storefrontIds: string[];
}

/** A storefront as the planner sees it. */
export interface PlanUnit {
  index: number;
  id: string;
  address: string;
  ground: boolean;
  insidePerimeter: boolean;
  distanceM: number;
}

export interface InterventionPlan {
  intervention: DemoIntervention;
  start: Day;
  /** Day after the last day, or null while open-ended. */
  endExclusive: Day | null;
  /** Scripted history per storefront index (contiguous periods). */
  scripts: Map<number, Period[]>;
  /** The business whose fate the outcome checks follow, per storefront index. */
  tenants: Map<number, string>;
  /** Storefront indexes linked to the intervention. */
  linked: number[];
}

export interface PlannerContext extends HistoryContext {
  rng: Random;
  ids: Random;
  cityId: string;
  chamber: string;
  units: PlanUnit[];
  used: Set<number>;
  concepts: { name: string; category: UseCategory }[];
  interim: { name: string; category: UseCategory }[];
}

export const SYNTHETIC = 'Synthetische Demodaten.';
const MONTH = 30.44;

export function stateOf(start: Day | null, endExclusive: Day | null, asOf: Day): InterventionState {
  if (start === null || start > asOf) return 'planned';
  return endExclusive !== null && endExclusive <= asOf ? 'ended' : 'running';
}

/** A free, ground-floor unit inside the perimeter (nearer the centre when `central`). */
export function takeUnit(ctx: PlannerContext, central: boolean): PlanUnit {
  const free = ctx.units.filter((u) => u.ground && u.insidePerimeter && !ctx.used.has(u.index));
  const pool = central ? free.filter((u) => u.distanceM < 250) : free;
  const unit = ctx.rng.pick(pool.length > 0 ? pool : free);
  ctx.used.add(unit.index);
  return unit;
}

export function budget(rng: Random, min: number, max: number): number {
  return Math.round(rng.between(min, max) / 100) * 100;
}

export function partners(ctx: PlannerContext, extra: string[]): string {
  const pool = [
    'Gewerbeverein',
    'Stadtmarketing',
    ctx.chamber,
    'Sparkasse',
    'Wirtschaftsförderung des Landkreises',
  ];
  return [...extra, ...ctx.rng.shuffle(pool).slice(0, ctx.rng.int(1, 2))].join(', ');
}

export function funding(ctx: PlannerContext, type: InterventionType, start: Day): string {
  const year = yearOf(start);
  const crisis = year >= 2020 ? ['Sofortprogramm Innenstadt'] : [];
  const federal =
    year >= 2021 && year <= 2025 ? ['Bundesprogramm „Zukunftsfähige Innenstädte und Zentren“'] : [];
  switch (type) {
    case 'test_shop':
      return 'Städtebauförderung (Lebendige Zentren) und Stadthaushalt';
    case 'facade_programme':
      return 'Städtebauförderung, Eigenanteil der Eigentümer 60 %';
    case 'rent_subsidy':
    case 'temporary_use':
      return ctx.rng.pick(['Stadthaushalt', 'Städtebauförderung', ...crisis, ...federal]);
    case 'pop_up':
    case 'event':
    case 'marketing':
      return ctx.rng.pick(['Stadthaushalt', 'Stadthaushalt und Sponsoring Gewerbeverein', ...crisis]);
    case 'vacancy_exchange_listing':
    case 'other':
      return ctx.rng.pick(['Stadthaushalt', ...federal]);
  }
}

/** A single-unit stay (pop-up, test shop cohort, temporary use) and what followed it. */
export function siteScript(
  ctx: PlannerContext,
  tenant: { name: string; category: UseCategory },
  start: Day,
  endExclusive: Day,
  outcome: SiteOutcome,
  note: string,
): Period[] {
  const stay: Period = {
    status: 'temporary_use',
    useCategory: tenant.category,
    businessName: tenant.name,
    from: start,
    to: endExclusive,
    note,
  };
  const after = (months: number) => addMonths(endExclusive, months);
  const lease = (to: Day): Period => ({ ...stay, status: 'occupied', from: endExclusive, to, note: null });
  switch (outcome) {
    case 'lease_kept':
      return [stay, lease(after(ctx.rng.int(30, 72)))];
    case 'lease_then_closed': {
      const closed = after(ctx.rng.int(7, 11));
      return [stay, lease(closed), period(ctx, 'vacant', closed, addMonths(closed, ctx.rng.int(4, 20)))];
    }
    case 'failed':
      return [stay, period(ctx, 'vacant', endExclusive, after(ctx.rng.int(4, 30)))];
    case 'owner_relet': {
      const done = after(ctx.rng.int(3, 8));
      return [
        stay,
        period(ctx, 'under_renovation', endExclusive, done),
        period(ctx, 'occupied', done, after(40)),
      ];
    }
  }
}

/** Vacancy before a scripted stay: a few months to a few years, not before the history starts. */
export function vacancyBefore(
  ctx: PlannerContext,
  start: Day,
  minMonths: number,
  maxMonths: number,
): Period[] {
  const from = Math.max(
    ctx.start + 180,
    monthStart(start - Math.round(ctx.rng.between(minMonths, maxMonths) * MONTH)),
  );
  return from < start ? [period(ctx, 'vacant', from, start)] : [];
}

export function classOf(outcome: SiteOutcome): OutcomeClass {
  return outcome === 'lease_kept' ? 'success' : outcome === 'failed' ? 'failure' : 'mixed';
}

/** A lesson for an ended intervention, with the obstacles it tells of (docs/kpis.md, "Obstacles"). */
export function lesson(
  ctx: PlannerContext,
  type: LessonType,
  outcome: OutcomeClass,
  vars: object,
): Pick<DemoIntervention, 'lessonsLearned' | 'obstacles'> {
  const template = ctx.rng.pick(LESSONS[type][outcome]);
  return {
    lessonsLearned: lessonText(template, { n: ctx.rng.int(2, 4), ...vars }),
    obstacles: obstaclesOfLesson(type, outcome, template),
  };
}

/** A running or planned intervention: nothing learnt yet. */
export const NO_LESSON: Pick<DemoIntervention, 'lessonsLearned' | 'obstacles'> = {
  lessonsLearned: null,
  obstacles: [],
};

export function base(
  ctx: PlannerContext,
  type: InterventionType,
  start: Day,
  endExclusive: Day | null,
): Omit<
  DemoIntervention,
  'title' | 'description' | 'budgetEur' | 'lessonsLearned' | 'obstacles' | 'outcome'
> {
  return {
    id: ctx.ids.uuid(),
    cityId: ctx.cityId,
    type,
    startDate: isoOf(start),
    endDate: endExclusive === null ? null : isoOf(endExclusive - 1),
    fundingSource: funding(ctx, type, start),
    partners: partners(ctx, []),
    state: stateOf(start, endExclusive, ctx.asOf),
    storefrontIds: [],
  };
}

/** A pop-up store or a temporary use (Zwischennutzung) in one vacant unit. */
export function planSiteIntervention(
  ctx: PlannerContext,
  type: 'pop_up' | 'temporary_use',
  start: Day,
): InterventionPlan {
  const popUp = type === 'pop_up';
  const endExclusive = popUp ? start + ctx.rng.int(21, 75) : addMonths(start, ctx.rng.int(6, 18));
  const b = base(ctx, type, start, endExclusive);
  const tenant = (popUp ? ctx.concepts : ctx.interim).shift() ?? ctx.rng.pick(STARTUP_CONCEPTS);
  ctx.names.add(tenant.name);
  const planned = b.state === 'planned';
  const unit = planned ? undefined : takeUnit(ctx, true);
  const outcome: SiteOutcome = popUp
    ? ctx.rng.weighted({ failed: 0.5, lease_kept: 0.3, lease_then_closed: 0.2 })
    : ctx.rng.weighted({ owner_relet: 0.35, lease_kept: 0.3, failed: 0.35 });
  const scripts = new Map<number, Period[]>();
  const tenants = new Map<number, string>();
  if (unit) {
    const note = `${popUp ? 'Pop-up-Store' : 'Zwischennutzung'} (synthetisch)`;
    scripts.set(unit.index, [
      ...vacancyBefore(ctx, start, 4, 40),
      ...siteScript(ctx, tenant, start, endExclusive, outcome, note),
    ]);
    tenants.set(unit.index, tenant.name);
  }
  const where = unit?.address ?? 'Standort wird noch gesucht';
  const weeks = Math.round((endExclusive - start) / 7);
  const months = Math.round((endExclusive - start) / MONTH);
  return {
    intervention: {
      ...b,
      title: popUp
        ? `Pop-up-Store „${tenant.name}“ (${where})`
        : unit
          ? `Zwischennutzung ${where}: ${tenant.name}`
          : `Zwischennutzung: ${tenant.name} (${where})`,
      description: popUp
        ? `${SYNTHETIC} ${tenant.name} bespielt einen leerstehenden Laden (${where}) ${weeks} Wochen lang als Pop-up-Store; die Stadt übernimmt die Miete, der Betreiber die Nebenkosten.`
        : `${SYNTHETIC} Zwischennutzung eines leerstehenden Ladens (${where}) durch ${tenant.name} für ${months} Monate; Nutzungsvereinbarung mit dem Eigentümer, nur Nebenkosten.`,
      budgetEur: popUp ? budget(ctx.rng, 1500, 9000) : budget(ctx.rng, 4000, 25000),
      partners: partners(
        ctx,
        popUp ? ['Eigentümer der Ladenfläche'] : [tenant.name, 'Eigentümer der Ladenfläche'],
      ),
      ...(b.state === 'ended'
        ? lesson(ctx, type, classOf(outcome), { street: where, tenant: tenant.name })
        : NO_LESSON),
      outcome: b.state === 'ended' ? classOf(outcome) : 'open',
      storefrontIds: unit ? [unit.id] : [],
    },
    start,
    endExclusive,
    scripts,
    tenants,
    linked: unit ? [unit.index] : [],
  };
}

/** Events, marketing and other measures that touch no particular shop. */
/**
 * An event on days it would be held: a market in autumn over a weekend (its shopping Sunday included), a
 * late-night shopping on a Friday, an open day on a Saturday. Returns the first day and the number of days.
 */
export function eventDays(start: Day, length: number, when: NonNullable<Campaign['when']>): [Day, number] {
  const inSeason = when.months ? intoMonths(start, when.months) : start;
  if (when.days === 'friday') return [nextWeekday(inSeason, 5), 1];
  if (when.days === 'saturday') return [nextWeekday(inSeason, 6), 1];
  const days = Math.max(2, length); // Saturday and Sunday, or from Friday
  return [nextWeekday(inSeason, 0) - (days - 1), days];
}

export function planCampaign(
  ctx: PlannerContext,
  type: 'event' | 'marketing' | 'other',
  initialStart: Day,
): InterventionPlan {
  let start = initialStart;
  const campaign = ctx.rng.pick(CAMPAIGNS.filter((c) => c.type === type));
  let length = type === 'event' ? ctx.rng.int(1, 3) : 0;
  if (campaign.when) [start, length] = eventDays(start, length, campaign.when);
  const endExclusive =
    type === 'event' ? start + length : addMonths(start, type === 'other' ? 24 : ctx.rng.int(3, 12));
  const b = base(ctx, type, start, endExclusive);
  const ended = b.state === 'ended';
  return {
    intervention: {
      ...b,
      title: `${campaign.title} ${yearOf(start)}`,
      description: `${SYNTHETIC} ${campaign.description}`,
      budgetEur: budget(ctx.rng, type === 'event' ? 4000 : 8000, type === 'event' ? 45000 : 70000),
      // a variant by the start day, not by the random stream (which the rest of the demo data follows)
      lessonsLearned: ended ? campaign.lessons[start % campaign.lessons.length]! : null,
      obstacles: [], // campaigns' lessons are not coded
      outcome: ended ? campaign.outcome : 'open',
    },
    start,
    endExclusive,
    scripts: new Map(),
    tenants: new Map(),
    linked: [],
  };
}
