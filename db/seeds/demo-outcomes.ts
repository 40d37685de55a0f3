import { addMonths, type Day, isoOf } from './days.js';
import { type Period, periodAt } from './demo-history.js';
import type { InterventionPlan } from './demo-interventions.js';

/**
 * Follow-up checks 6, 12 and 24 months after an intervention ended (only those already due on the
 * snapshot date), read off the generated occupancy histories so that checks and registry agree:
 *
 * - regular_lease_signed: for a test shop, pop-up or temporary use, the intervention's own business
 *   signed a regular lease for the unit after the end (by the check date) — another tenant in the unit
 *   is not its lease (docs/kpis.md, "Intervention outcome"); for a rent subsidy, every linked unit is
 *   let on the check date; for a vacancy exchange, at least one listed unit has been let since the
 *   listing started. NULL for facades, events, marketing and other measures.
 * - business_still_trading: the intervention's own business (the tester, pop-up or temporary user;
 *   most of the subsidised businesses; any tenant found through the exchange) occupies its unit on the
 *   check date. NULL where there is no business to follow.
 */

export interface DemoOutcomeCheck {
  interventionId: string;
  cityId: string;
  monthsAfterEnd: 6 | 12 | 24;
  checkedOn: string;
  regularLeaseSigned: boolean | null;
  businessStillTrading: boolean | null;
  note: string;
}

const CHECK_MONTHS = [6, 12, 24] as const;

function german(day: Day): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}.${m}.${y}`;
}

function unitState(p: Period | undefined): string {
  switch (p?.status) {
    case 'occupied':
      return `ist an ${p.businessName ?? 'einen anderen Betrieb'} vermietet`;
    case 'temporary_use':
      return `ist in Zwischennutzung (${p.businessName ?? 'ohne Namen'})`;
    case 'under_renovation':
      return 'wird saniert';
    case 'not_lettable':
      return 'ist derzeit nicht vermietbar';
    case 'demolished':
      return 'ist abgerissen';
    case 'vacant':
    case undefined:
      return 'steht leer';
  }
}

function trades(history: readonly Period[] | undefined, business: string, day: Day): boolean {
  const p = history ? periodAt(history, day) : undefined;
  return p?.status === 'occupied' && p.businessName === business;
}

const CAMPAIGN_NOTES = {
  success: 'Wird fortgeführt; Händler und Gewerbeverein bewerten die Maßnahme positiv.',
  mixed: 'Kurzfristig mehr Frequenz, Wirkung auf den Leerstand nicht nachweisbar.',
  failure: 'Keine Wirkung feststellbar; Maßnahme wird nicht fortgeführt.',
  open: 'Noch keine Bewertung.',
} as const;

export function outcomeChecks(
  plan: InterventionPlan,
  histories: ReadonlyMap<number, readonly Period[]>,
  asOf: Day,
): DemoOutcomeCheck[] {
  const { intervention: iv, endExclusive } = plan;
  if (iv.state !== 'ended' || endExclusive === null) return [];
  const allLet = (units: number[], day: Day) =>
    units.every((i) => periodAt(histories.get(i) ?? [], day)?.status === 'occupied');
  const checks: DemoOutcomeCheck[] = [];
  for (const months of CHECK_MONTHS) {
    const day = addMonths(endExclusive - 1, months);
    if (day > asOf) break;
    let lease: boolean | null = null;
    let trading: boolean | null = null;
    let note: string;
    const tenants = [...plan.tenants.entries()];
    switch (iv.type) {
      case 'test_shop':
      case 'pop_up':
      case 'temporary_use': {
        const [index, business] = tenants[0] ?? [-1, ''];
        const history = histories.get(index) ?? [];
        const now = periodAt(history, day);
        const ownLease = history.find(
          (p) =>
            p.status === 'occupied' && p.businessName === business && p.from >= endExclusive && p.from <= day,
        );
        lease = plan.linked.length > 0 ? ownLease !== undefined : null;
        trading = trades(history, business, day);
        note = trading
          ? `${business}: regulärer Mietvertrag seit ${german(ownLease?.from ?? endExclusive)}, Geschäft geöffnet.`
          : ownLease
            ? `${business} hatte einen Mietvertrag, hat aber aufgegeben; die Fläche ${unitState(now)}.`
            : `${business} hat keinen Mietvertrag unterschrieben; die Fläche ${unitState(now)}.`;
        break;
      }
      case 'rent_subsidy': {
        const open = tenants.filter(([i, b]) => trades(histories.get(i), b, day)).length;
        lease = allLet(plan.linked, day);
        trading = open * 2 >= tenants.length;
        note = `${open} von ${tenants.length} geförderten Betrieben am Stichtag geöffnet.`;
        break;
      }
      case 'vacancy_exchange_listing': {
        const let_ = tenants.filter(([i, b]) =>
          histories.get(i)?.some((p) => p.businessName === b && p.from <= day),
        );
        lease = let_.length > 0;
        trading = lease ? let_.some(([i, b]) => trades(histories.get(i), b, day)) : null;
        note = `${let_.length} von ${plan.linked.length} gelisteten Flächen vermietet.`;
        break;
      }
      case 'facade_programme': {
        const empty = plan.linked.filter((i) => {
          const p = periodAt(histories.get(i) ?? [], day);
          return p?.status === 'vacant';
        }).length;
        note = `${plan.linked.length} Fassaden fertiggestellt; am Stichtag ${empty} davon mit leerem Laden.`;
        break;
      }
      case 'event':
      case 'marketing':
      case 'other':
        note = CAMPAIGN_NOTES[iv.outcome];
        break;
    }
    checks.push({
      interventionId: iv.id,
      cityId: iv.cityId,
      monthsAfterEnd: months,
      checkedOn: isoOf(day),
      regularLeaseSigned: lease,
      businessStillTrading: trading,
      note,
    });
  }
  return checks;
}
