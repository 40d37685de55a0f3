import { addMonths, dayOf } from './days.js';
import type { Period } from './demo-history.js';
import {
  base,
  budget,
  classOf,
  type InterventionPlan,
  lesson,
  NO_LESSON,
  partners,
  type PlannerContext,
  SYNTHETIC,
  type SiteOutcome,
  siteScript,
  takeUnit,
  vacancyBefore,
} from './demo-interventions.js';
import { STARTUP_CONCEPTS } from './demo-names.js';

/** Mühlhausen's test-and-swap shop, modelled on „Frei.Handel“: six-month cohorts on two units. */
export function planTestShop(ctx: PlannerContext): InterventionPlan[] {
  const cohorts: { start: string; unit: 0 | 1 | null; outcome: SiteOutcome }[] = [
    { start: '2024-04-01', unit: 0, outcome: 'failed' },
    { start: '2024-10-01', unit: 0, outcome: 'lease_kept' },
    { start: '2025-04-01', unit: 1, outcome: 'failed' },
    { start: '2025-10-01', unit: 1, outcome: 'failed' },
    { start: '2026-04-01', unit: 1, outcome: 'lease_kept' },
    { start: '2027-01-01', unit: null, outcome: 'failed' },
  ];
  const units = [takeUnit(ctx, true), takeUnit(ctx, true)];
  const stretches: Period[][] = [[], []];
  return cohorts.map((c, i) => {
    const start = dayOf(c.start);
    const endExclusive = addMonths(start, 6);
    const b = base(ctx, 'test_shop', start, endExclusive);
    const tenant = ctx.concepts.shift() ?? ctx.rng.pick(STARTUP_CONCEPTS);
    ctx.names.add(tenant.name);
    const unit = c.unit === null ? undefined : units[c.unit];
    const scripts = new Map<number, Period[]>();
    const tenants = new Map<number, string>();
    if (unit && c.unit !== null) {
      const stretch = stretches[c.unit] as Period[];
      if (stretch.length === 0) stretch.push(...vacancyBefore(ctx, start, 20, 40));
      const [stay, ...after] = siteScript(
        ctx,
        tenant,
        start,
        endExclusive,
        c.outcome,
        `Testladen, Kohorte ${i + 1}`,
      );
      // The next cohort moves in when this one leaves; only the last one on a unit keeps its aftermath.
      const last = !cohorts.slice(i + 1).some((n) => n.unit === c.unit);
      stretch.push(...(stay ? [stay] : []), ...(last ? after : []));
      if (last) scripts.set(unit.index, stretch);
      tenants.set(unit.index, tenant.name);
    }
    const ended = b.state === 'ended';
    return {
      intervention: {
        ...b,
        title: `Testladen nach Vorbild „Frei.Handel“ – Kohorte ${i + 1}: ${tenant.name}`,
        description:
          `${SYNTHETIC} Angelehnt an den Test- und Tauschladen „Frei.Handel“ in Mühlhausen; Teilnehmende und ` +
          `Ergebnisse sind erfunden. ${tenant.name} testet sechs Monate lang mietfrei ein Ladengeschäft ` +
          `(${unit?.address ?? 'Standort wird noch gesucht'}), mit Gründungsberatung und gemeinsamem Kassensystem.`,
        budgetEur: budget(ctx.rng, 9000, 18000),
        partners: partners(ctx, ['Citymanagement Mühlhausen', 'Eigentümer der Ladenfläche']),
        ...(ended
          ? lesson(ctx, 'test_shop', classOf(c.outcome), { street: unit?.address, tenant: tenant.name })
          : NO_LESSON),
        outcome: ended ? classOf(c.outcome) : 'open',
        storefrontIds: unit ? [unit.id] : [],
      },
      start,
      endExclusive,
      scripts,
      tenants,
      linked: unit ? [unit.index] : [],
    };
  });
}
