import { addMonths, type Day, monthStart, yearOf } from './days.js';
import { type Period, period } from './demo-history.js';
import {
  base,
  budget,
  type InterventionPlan,
  lesson,
  NO_LESSON,
  type PlannerContext,
  SYNTHETIC,
  takeUnit,
} from './demo-interventions.js';
import type { OutcomeClass } from './demo-lessons.js';

/** Town-wide programmes that touch several units: rent subsidies, a vacancy exchange, a facade programme. */

const MONTH = 30.44;

function vacantSince(ctx: PlannerContext, day: Day, minMonths: number, maxMonths: number): Day {
  // Not right at the start, so that every unit's history has at least two periods.
  return Math.max(
    ctx.start + 180,
    monthStart(day - Math.round(ctx.rng.between(minMonths, maxMonths) * MONTH)),
  );
}

/** Rent subsidy for new businesses in vacant ground-floor shops; some close when the money stops. */
export function planRentSubsidy(ctx: PlannerContext, start: Day): InterventionPlan {
  const months = ctx.rng.pick([12, 24]);
  const endExclusive = addMonths(start, months);
  const b = base(ctx, 'rent_subsidy', start, endExclusive);
  const intended = ctx.rng.weighted<OutcomeClass>({ success: 0.35, mixed: 0.3, failure: 0.35 });
  const pClose = { success: 0.15, mixed: 0.5, failure: 0.85 }[intended];
  const k = b.state === 'planned' ? 0 : ctx.rng.int(2, 5);
  const scripts = new Map<number, Period[]>();
  const tenants = new Map<number, string>();
  let closed = 0;
  for (let j = 0; j < k; j++) {
    const opens = monthStart(start + ctx.rng.int(0, 150));
    if (opens > ctx.asOf) continue;
    const unit = takeUnit(ctx, false);
    const business = period(ctx, 'occupied', opens, null);
    const before = period(ctx, 'vacant', vacantSince(ctx, opens, 3, 30), opens);
    const pre = before.from < opens ? [before] : [];
    if (ctx.rng.chance(pClose)) {
      closed++;
      const close = Math.max(addMonths(opens, 6), monthStart(endExclusive + ctx.rng.int(0, 120)));
      scripts.set(unit.index, [
        ...pre,
        { ...business, to: close },
        period(ctx, 'vacant', close, addMonths(close, ctx.rng.int(4, 24))),
      ]);
    } else {
      scripts.set(unit.index, [...pre, { ...business, to: addMonths(endExclusive, ctx.rng.int(30, 72)) }]);
    }
    tenants.set(unit.index, business.businessName ?? '');
  }
  const n = tenants.size;
  const outcome: OutcomeClass = closed >= 0.6 * n ? 'failure' : closed <= 0.25 * n ? 'success' : 'mixed';
  const ended = b.state === 'ended';
  const pct = ctx.rng.pick([30, 40, 50]);
  return {
    intervention: {
      ...b,
      title: `${ctx.rng.pick(['Mietzuschuss für Neugründungen', 'Ansiedlungsprämie für Erdgeschossläden'])} ${yearOf(start)}`,
      description: `${SYNTHETIC} Zuschuss von ${pct} % zur Kaltmiete für ${months} Monate für neue Betriebe in leerstehenden Erdgeschossläden der Innenstadt; ${n} Betriebe gefördert.`,
      budgetEur: Math.max(5000, budget(ctx.rng, 250, 600) * months * Math.max(n, 2)),
      ...(ended ? lesson(ctx, 'rent_subsidy', outcome, { n: closed }) : NO_LESSON),
      outcome: ended ? outcome : 'open',
      storefrontIds: [...tenants.keys()].map((i) => ctx.units[i]?.id ?? ''),
    },
    start,
    endExclusive,
    scripts,
    tenants,
    linked: [...tenants.keys()],
  };
}

/** Vacant shops offered with an exposé on the town's website; some find a tenant. */
export function planVacancyExchange(ctx: PlannerContext, start: Day): InterventionPlan {
  const endExclusive = ctx.rng.chance(0.5) ? null : addMonths(start, ctx.rng.int(12, 36));
  const b = base(ctx, 'vacancy_exchange_listing', start, endExclusive);
  const k = b.state === 'planned' ? 0 : ctx.rng.int(3, 6);
  const intended = ctx.rng.weighted<OutcomeClass>({ success: 0.35, mixed: 0.35, failure: 0.3 });
  const toLease = { success: Math.ceil(k / 2), mixed: 1, failure: 0 }[intended];
  const windowEnd = Math.min(endExclusive ?? ctx.asOf, ctx.asOf);
  const scripts = new Map<number, Period[]>();
  const tenants = new Map<number, string>();
  const linked: number[] = [];
  for (let j = 0; j < k; j++) {
    const unit = takeUnit(ctx, false);
    linked.push(unit.index);
    const from = vacantSince(ctx, start, 3, 36);
    if (j < toLease && windowEnd - start > 60) {
      const lease = Math.max(from + 31, monthStart(start + ctx.rng.int(45, windowEnd - start)));
      const tenant = period(ctx, 'occupied', lease, addMonths(lease, ctx.rng.int(14, 60)));
      scripts.set(unit.index, [period(ctx, 'vacant', from, lease), tenant]);
      tenants.set(unit.index, tenant.businessName ?? '');
    } else {
      const until = endExclusive === null ? null : addMonths(endExclusive, ctx.rng.int(2, 18));
      scripts.set(unit.index, [period(ctx, 'vacant', from, until)]);
    }
  }
  const leased = tenants.size;
  const outcome: OutcomeClass = leased === 0 ? 'failure' : leased * 2 >= k ? 'success' : 'mixed';
  const ended = b.state === 'ended';
  return {
    intervention: {
      ...b,
      title: `Leerstandsbörse ${yearOf(start)}: ${k} Ladenflächen mit Exposé`,
      description: `${SYNTHETIC} Leerstehende Ladenflächen werden mit Exposé (Grundriss, Fotos, Miete) auf der Website der Stadt und in Immobilienportalen angeboten; Citymanagement vermittelt zwischen Eigentümern und Interessenten.`,
      budgetEur: budget(ctx.rng, 2500, 15000),
      ...(ended ? lesson(ctx, 'vacancy_exchange_listing', outcome, {}) : NO_LESSON),
      outcome: ended ? outcome : 'open',
      storefrontIds: linked.map((i) => ctx.units[i]?.id ?? ''),
    },
    start,
    endExclusive,
    scripts,
    tenants,
    linked,
  };
}

/** Grants for facades and shop windows; changes the street's look, not the units' occupancy. */
export function planFacadeProgramme(ctx: PlannerContext, start: Day): InterventionPlan {
  const endExclusive = addMonths(start, ctx.rng.int(24, 36));
  const b = base(ctx, 'facade_programme', start, endExclusive);
  const candidates = ctx.units.filter((u) => u.insidePerimeter);
  const linked = b.state === 'planned' ? [] : ctx.rng.shuffle(candidates).slice(0, ctx.rng.int(3, 8));
  const outcome = ctx.rng.weighted<OutcomeClass>({ success: 0.35, mixed: 0.45, failure: 0.2 });
  const ended = b.state === 'ended';
  return {
    intervention: {
      ...b,
      title: `Fassaden- und Schaufensterprogramm ${yearOf(start)}–${yearOf(endExclusive - 1)}`,
      description: `${SYNTHETIC} Zuschuss von 40 % für Fassaden, Schaufenster und Werbeanlagen im Sanierungsgebiet; ${linked.length} geförderte Gebäude mit Ladenlokal.`,
      budgetEur: budget(ctx.rng, 60000, 350000),
      ...(ended
        ? lesson(ctx, 'facade_programme', outcome, { street: linked[0]?.address, n: linked.length })
        : NO_LESSON),
      outcome: ended ? outcome : 'open',
      storefrontIds: linked.map((u) => u.id),
    },
    start,
    endExclusive,
    scripts: new Map(),
    tenants: new Map(),
    linked: linked.map((u) => u.index),
  };
}
