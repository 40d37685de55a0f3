import { type Day, monthStart } from './days.js';
import { businessName, type UseCategory } from './demo-names.js';
import type { Random } from './prng.js';

/**
 * Synthetic occupancy histories. A unit's history is a gap-free list of half-open periods
 * [from, to) whose last period is open (to = null). Free units are generated backwards from a chosen
 * status on the snapshot date, so that each town hits its vacancy target exactly; units touched by an
 * intervention follow a script (e.g. vacant → temporary use → occupied) and are continued by a
 * Markov walk backwards before it and forwards after it.
 */

export type OccupancyStatus =
  'occupied' | 'vacant' | 'temporary_use' | 'under_renovation' | 'not_lettable' | 'demolished';

export interface Period {
  status: OccupancyStatus;
  useCategory: UseCategory | null;
  businessName: string | null;
  from: Day;
  to: Day | null;
  note: string | null;
}

export interface HistoryContext {
  rng: Random;
  /** First day of the history (2016-01-01). */
  start: Day;
  /** Snapshot date: no period starts after it. */
  asOf: Day;
  /** Business names already used in the town. */
  names: Set<string>;
}

export const MAX_PERIODS = 6;
const MONTH = 30.44;

/** What preceded a period of the given status (probabilities). */
const BEFORE: Record<OccupancyStatus, Partial<Record<OccupancyStatus, number>>> = {
  occupied: { vacant: 0.45, occupied: 0.4, under_renovation: 0.15 },
  vacant: { occupied: 0.85, under_renovation: 0.08, not_lettable: 0.07 },
  temporary_use: { vacant: 1 },
  under_renovation: { vacant: 0.65, occupied: 0.35 },
  not_lettable: { vacant: 0.75, occupied: 0.25 },
  demolished: { not_lettable: 0.65, vacant: 0.35 },
};

/** What follows a period of the given status. Demolition is terminal and never drawn at random. */
export const AFTER: Record<OccupancyStatus, Partial<Record<OccupancyStatus, number>>> = {
  occupied: { vacant: 0.62, occupied: 0.28, under_renovation: 0.1 },
  vacant: { occupied: 0.74, under_renovation: 0.18, not_lettable: 0.08 },
  temporary_use: { vacant: 0.7, occupied: 0.3 },
  under_renovation: { occupied: 0.72, vacant: 0.28 },
  not_lettable: { under_renovation: 0.5, vacant: 0.5 },
  demolished: { demolished: 1 },
};

/** Use mix of new occupancies at the start (2016) and end (2026) of the decade: retail → services/food. */
const MIX_START: Record<UseCategory, number> = {
  retail_comparison: 40,
  retail_daily: 15,
  food_drink: 13,
  services: 15,
  health: 6,
  culture_leisure: 4,
  public_social: 3,
  other: 4,
};
const MIX_END: Record<UseCategory, number> = {
  retail_comparison: 20,
  retail_daily: 11,
  food_drink: 22,
  services: 25,
  health: 10,
  culture_leisure: 5,
  public_social: 4,
  other: 3,
};

function months(rng: Random, min: number, max: number): number {
  return Math.round(rng.between(min, max) * MONTH);
}

/**
 * Length in days of a complete (closed) period ending on `to`. Vacancies got longer over the decade
 * (shorter before ~2020), which lets the vacancy rate drift up slowly towards the snapshot.
 */
function duration(ctx: HistoryContext, status: OccupancyStatus, to: Day): number {
  const { rng } = ctx;
  const trend = 0.6 + 0.4 * Math.min(1, Math.max(0, (to - ctx.start) / (ctx.asOf - ctx.start)));
  switch (status) {
    case 'occupied':
      return Math.round(Math.min(150, 12 - 60 * Math.log(1 - rng.float())) * MONTH);
    case 'vacant':
      return Math.round(trend * (rng.chance(0.65) ? months(rng, 2, 10) : months(rng, 10, 30)));
    case 'temporary_use':
      return months(rng, 3, 12);
    case 'under_renovation':
      return months(rng, 3, 12);
    case 'not_lettable':
      return months(rng, 12, 48);
    case 'demolished':
      return months(rng, 240, 240);
  }
}

/** How long the open period on the snapshot date has lasted so far, in days. */
function age(rng: Random, status: OccupancyStatus): number {
  switch (status) {
    case 'occupied':
      return months(rng, 2, 125);
    case 'vacant': // 45 % long-term vacancies (more than 12 months)
      return rng.chance(0.55) ? months(rng, 1, 12) : months(rng, 13, 60);
    case 'temporary_use':
      return months(rng, 1, 6);
    case 'under_renovation':
      return months(rng, 1, 9);
    case 'not_lettable':
      return months(rng, 6, 60);
    case 'demolished':
      return months(rng, 2, 48);
  }
}

/** Leases mostly begin on the first of a month. */
function align(rng: Random, day: Day): Day {
  return rng.chance(0.8) ? monthStart(day) : day;
}

export function useCategoryAt(ctx: HistoryContext, day: Day): UseCategory {
  const f = Math.min(1, Math.max(0, (day - ctx.start) / (ctx.asOf - ctx.start)));
  const weights = Object.fromEntries(
    Object.entries(MIX_START).map(([k, w]) => [k, w * (1 - f) + MIX_END[k as UseCategory] * f]),
  ) as Record<UseCategory, number>;
  return ctx.rng.weighted(weights);
}

export function period(ctx: HistoryContext, status: OccupancyStatus, from: Day, to: Day | null): Period {
  if (status !== 'occupied' && status !== 'temporary_use') {
    return { status, useCategory: null, businessName: null, from, to, note: null };
  }
  const useCategory = useCategoryAt(ctx, from);
  return {
    status,
    useCategory,
    businessName: businessName(ctx.rng, useCategory, ctx.names),
    from,
    to,
    note: null,
  };
}

/** Periods covering [ctx.start, firstFrom), ending in a status that may precede `following`. */
export function walkBack(
  ctx: HistoryContext,
  firstFrom: Day,
  following: OccupancyStatus,
  maxPeriods: number,
) {
  const out: Period[] = [];
  let to = firstFrom;
  let next = following;
  while (to > ctx.start) {
    const last = out.length + 1 >= maxPeriods;
    // When the period budget is used up, the first period is stretched back to the start: let it be
    // an occupancy (an old lease) rather than an ever-lasting vacancy, where the successor allows it.
    const status = last && BEFORE[next].occupied !== undefined ? 'occupied' : ctx.rng.weighted(BEFORE[next]);
    let from = align(ctx.rng, to - duration(ctx, status, to));
    if (from < ctx.start + 60 || last) from = ctx.start;
    out.unshift(period(ctx, status, from, to));
    to = from;
    next = status;
  }
  return out;
}

/** Periods from `from` (starting with `status`) to the open end. */
export function walkForward(ctx: HistoryContext, from: Day, status: OccupancyStatus, maxPeriods: number) {
  const out: Period[] = [];
  let t = from;
  let s = status;
  for (;;) {
    const to = Math.max(t + 31, align(ctx.rng, t + duration(ctx, s, t)));
    if (to > ctx.asOf || out.length + 1 >= maxPeriods || s === 'demolished') {
      out.push(period(ctx, s, t, null));
      return out;
    }
    out.push(period(ctx, s, t, to));
    t = to;
    s = ctx.rng.weighted(AFTER[s]);
  }
}

/** A unit without intervention: `finalStatus` on the snapshot date, 2–6 periods in all. */
export function freeHistory(ctx: HistoryContext, finalStatus: OccupancyStatus): Period[] {
  let from = align(ctx.rng, ctx.asOf - age(ctx.rng, finalStatus));
  if (from <= ctx.start + 60)
    from = align(ctx.rng, Math.round(ctx.rng.between(ctx.start + 365, ctx.asOf - 120)));
  return [...walkBack(ctx, from, finalStatus, MAX_PERIODS - 1), period(ctx, finalStatus, from, null)];
}

/**
 * Completes a scripted stretch of history (contiguous periods, e.g. vacant → temporary use → occupied):
 * periods starting after the snapshot date are dropped, the one running on it is opened, and the
 * history is continued backwards to the start and forwards to the snapshot date.
 */
export function scriptedHistory(ctx: HistoryContext, script: Period[]): Period[] {
  const kept = script.filter((p) => p.from <= ctx.asOf).map((p) => ({ ...p }));
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (!first || !last) throw new Error('scriptedHistory: the script starts after the snapshot date');
  if (last.to !== null && last.to > ctx.asOf) last.to = null;
  const before = walkBack(ctx, first.from, first.status, Math.max(1, MAX_PERIODS - kept.length));
  const after = last.to === null ? [] : walkForward(ctx, last.to, ctx.rng.weighted(AFTER[last.status]), 3);
  return mergeRepeats([...before, ...kept, ...after]);
}

/** Joins neighbours that say the same thing (e.g. vacant followed by vacant). */
export function mergeRepeats(history: Period[]): Period[] {
  const out: Period[] = [];
  for (const p of history) {
    const prev = out[out.length - 1];
    if (prev && prev.status === p.status && prev.businessName === p.businessName && prev.note === p.note) {
      prev.to = p.to;
    } else {
      out.push({ ...p });
    }
  }
  return out;
}

export function periodAt(history: readonly Period[], day: Day): Period | undefined {
  return history.find((p) => p.from <= day && (p.to === null || day < p.to));
}

/** Throws unless the history is ordered, gap-free, within [start, asOf] and ends open. */
export function assertValidHistory(history: readonly Period[], start: Day, asOf: Day): void {
  history.forEach((p, i) => {
    const next = history[i + 1];
    if (p.to !== null && p.to <= p.from) throw new Error(`empty period at ${p.from}`);
    if (next && p.to !== next.from) throw new Error(`gap or overlap at ${String(p.to)}`);
    if (!next && p.to !== null) throw new Error('last period is not open');
    if (p.status === 'demolished' && next) throw new Error('demolition must be terminal');
  });
  if (history[0]?.from !== start) throw new Error('history does not begin at the start date');
  if ((history[history.length - 1]?.from ?? Infinity) > asOf) throw new Error('period after the snapshot');
}
