import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_DEMO_OPTIONS,
  type DemoPeriod,
  generateDemo,
  generateTownDemo,
  storefrontCount,
  type TownDemoData,
} from './demo-generator.js';
import { DEMO_TOWN_SLUGS, demoTowns } from './demo-towns.js';
import { LESSON_OBSTACLES, LESSONS } from './demo-lessons.js';
import { normalizeObstacles } from '../../api/src/interventions/intervention.types.js';
import { readPartnerTowns } from './reference-files.js';

const towns = demoTowns(readPartnerTowns());
const SNAPSHOT = DEFAULT_DEMO_OPTIONS.asOf;
const START = DEFAULT_DEMO_OPTIONS.historyStart;

let cached: TownDemoData[] | undefined;
/** Generated once: the generator is pure, and its output is only read here. */
function demo(): TownDemoData[] {
  cached ??= generateDemo(towns, DEFAULT_DEMO_OPTIONS);
  return cached;
}

function town(slug: string): TownDemoData {
  const d = demo().find((t) => t.town.slug === slug);
  if (!d) throw new Error(`no demo data for ${slug}`);
  return d;
}

function historiesOf(d: TownDemoData): Map<string, DemoPeriod[]> {
  const byUnit = new Map<string, DemoPeriod[]>();
  for (const p of d.periods) byUnit.set(p.storefrontId, [...(byUnit.get(p.storefrontId) ?? []), p]);
  return byUnit;
}

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('demo generator', () => {
  it('covers the nine network towns plus Gera and Bad Belzig', () => {
    expect(demo().map((d) => d.town.slug)).toEqual([...DEMO_TOWN_SLUGS]);
    expect(DEMO_TOWN_SLUGS).toHaveLength(11);
  });

  it('is deterministic for the same seed and differs for another seed', () => {
    const gotha = towns.find((t) => t.slug === 'gotha');
    if (!gotha) throw new Error('no Gotha');
    const a = generateTownDemo(gotha, DEFAULT_DEMO_OPTIONS);
    const b = generateTownDemo(gotha, DEFAULT_DEMO_OPTIONS);
    const c = generateTownDemo(gotha, { ...DEFAULT_DEMO_OPTIONS, seed: DEFAULT_DEMO_OPTIONS.seed + 1 });
    expect(b).toEqual(a);
    expect(c.storefronts.map((s) => s.id)).not.toEqual(a.storefronts.map((s) => s.id));
  });

  it('scales storefront counts with population between 60 and 400', () => {
    expect(storefrontCount(10_000)).toBe(60);
    expect(storefrontCount(93_125)).toBe(400);
    for (const d of demo()) {
      expect(d.storefronts.length).toBe(storefrontCount(d.town.population));
    }
    expect(town('gera').storefronts.length).toBeGreaterThan(town('bad-belzig').storefronts.length);
  });

  it('places about 90 % of the storefronts inside the placeholder perimeter, the rest just outside', () => {
    for (const d of demo()) {
      const inside = d.storefronts.filter((s) => s.insidePerimeter).length / d.storefronts.length;
      expect(inside).toBeGreaterThanOrEqual(0.85);
      expect(inside).toBeLessThanOrEqual(0.95);
      expect(Math.max(...d.storefronts.map((s) => s.distanceM))).toBeLessThan(d.town.perimeterRadiusM + 150);
    }
  });

  it('gives every storefront a unique reference id, a postcode and plausible attributes', () => {
    for (const d of demo()) {
      const refs = d.storefronts.map((s) => s.referenceId);
      expect(new Set(refs).size).toBe(refs.length);
      expect(refs[0]).toBe(`${d.town.code}-0001`);
      const addresses = d.storefronts.map((s) => `${s.street} ${s.houseNumber}`);
      expect(new Set(addresses).size).toBe(addresses.length);
      const odd = d.storefronts.filter(
        (s) =>
          s.postcode !== d.town.postcode ||
          s.floorAreaM2 < 30 ||
          s.floorAreaM2 > 600 ||
          !s.notes.includes('Synthetische Demodaten') ||
          s.verifiedAt > `${SNAPSHOT}T23:59:59Z`,
      );
      expect(odd).toEqual([]);
    }
    const all = demo().flatMap((d) => d.storefronts);
    const badVisits = all.filter((s) =>
      [...s.earlierVisits, s.verifiedAt].some(
        (v, k, visits) => (k > 0 && visits[k - 1]! >= v) || v < '2016-01-01',
      ),
    );
    expect(badVisits).toEqual([]);
    const withEarlierVisits = all.filter((s) => s.earlierVisits.length > 0).length / all.length;
    expect(withEarlierVisits).toBeGreaterThan(0.5);
    const verifiedLongAgo = all.filter((s) => s.verifiedAt < '2025-11-01').length / all.length;
    expect(verifiedLongAgo).toBeGreaterThan(0.1);
    expect(verifiedLongAgo).toBeLessThan(0.6);
  });

  it('gives every unit an ordered, gap-free history from 2016-01-01 that ends open', () => {
    const problems: string[] = [];
    for (const d of demo()) {
      const histories = historiesOf(d);
      if (histories.size !== d.storefronts.length) problems.push(`${d.town.slug}: units without history`);
      for (const [unit, history] of histories) {
        const say = (what: string) => problems.push(`${d.town.slug} ${unit}: ${what}`);
        if (history.length < 2) say('fewer than two periods');
        if (history[0]?.validFrom !== START) say(`starts ${history[0]?.validFrom}`);
        history.forEach((p, i) => {
          const next = history[i + 1];
          if (p.validTo !== null && p.validTo <= p.validFrom) say(`empty period ${p.validFrom}`);
          if (next && p.validTo !== next.validFrom) say(`gap or overlap after ${p.validFrom}`);
          if (!next && p.validTo !== null) say('last period not open');
          if (p.validFrom > SNAPSHOT) say(`period starts after the snapshot: ${p.validFrom}`);
          if (p.status === 'demolished' && next) say('demolition is not terminal');
          if (p.useCategory !== null && !['occupied', 'temporary_use'].includes(p.status)) say('category');
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a vacancy share between 6 and 20 % in every town on the snapshot date', () => {
    for (const d of demo()) {
      const current = d.periods.filter((p) => p.validTo === null);
      const stock = current.filter((p) => p.status !== 'demolished').length;
      const share = current.filter((p) => p.status === 'vacant').length / stock;
      expect({ town: d.town.slug, ok: share >= 0.06 && share <= 0.2 }).toEqual({
        town: d.town.slug,
        ok: true,
      });
    }
  });

  it('has long-term vacancies and a use mix shifting from retail to services and food', () => {
    const periods = demo().flatMap((d) => d.periods);
    const vacantNow = periods.filter((p) => p.validTo === null && p.status === 'vacant');
    expect(vacantNow.filter((p) => p.validFrom < '2025-11-01').length).toBeGreaterThan(vacantNow.length / 4);
    const shareAt = (day: string, categories: string[]) => {
      const occupied = periods.filter(
        (p) => p.status === 'occupied' && p.validFrom <= day && (p.validTo === null || p.validTo > day),
      );
      return occupied.filter((p) => categories.includes(p.useCategory ?? '')).length / occupied.length;
    };
    expect(shareAt(SNAPSHOT, ['retail_comparison'])).toBeLessThan(
      shareAt('2016-06-01', ['retail_comparison']),
    );
    expect(shareAt(SNAPSHOT, ['services', 'food_drink'])).toBeGreaterThan(
      shareAt('2016-06-01', ['services', 'food_drink']),
    );
    for (const status of ['under_renovation', 'not_lettable', 'demolished', 'temporary_use']) {
      expect(periods.some((p) => p.status === status)).toBe(true);
    }
  });

  it('runs a test shop in Mühlhausen whose cohorts show as matching temporary_use periods', () => {
    const d = town('muehlhausen');
    const histories = historiesOf(d);
    const cohorts = d.interventions.filter((i) => i.type === 'test_shop' && i.state !== 'planned');
    expect(cohorts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(cohorts.flatMap((c) => c.storefrontIds)).size).toBeLessThanOrEqual(2);
    for (const cohort of cohorts) {
      const [unit] = cohort.storefrontIds;
      const history = histories.get(unit ?? '') ?? [];
      const stay = history.find((p) => p.status === 'temporary_use' && p.validFrom === cohort.startDate);
      expect(stay).toBeDefined();
      expect(stay?.validTo).toBe(cohort.state === 'ended' ? dayAfter(cohort.endDate ?? '') : null);
      expect(cohort.title).toContain(stay?.businessName ?? '—');
      const next = history[history.indexOf(stay as DemoPeriod) + 1];
      if (cohort.outcome === 'success') {
        expect(next).toMatchObject({ status: 'occupied', businessName: stay?.businessName });
      }
    }
    expect(cohorts.some((c) => c.outcome === 'success')).toBe(true);
    expect(cohorts.some((c) => c.outcome === 'failure')).toBe(true);
  });

  it('links every temporary_use period to a test shop, pop-up or temporary use intervention', () => {
    for (const d of demo()) {
      const stays = d.periods.filter((p) => p.status === 'temporary_use');
      for (const stay of stays) {
        const owner = d.interventions.find(
          (i) =>
            ['test_shop', 'pop_up', 'temporary_use'].includes(i.type) &&
            i.storefrontIds.includes(stay.storefrontId) &&
            i.startDate === stay.validFrom,
        );
        expect(owner).toBeDefined();
      }
    }
  });

  it('includes clear failures, with outcome checks saying no lease and no business', () => {
    const interventions = demo().flatMap((d) => d.interventions);
    const failures = interventions.filter((i) => i.outcome === 'failure');
    expect(failures.length).toBeGreaterThanOrEqual(5);
    expect(new Set(failures.map((f) => f.type)).size).toBeGreaterThanOrEqual(3);
    const checks = demo().flatMap((d) => d.outcomeChecks);
    expect(checks.some((c) => c.regularLeaseSigned === false && c.businessStillTrading === false)).toBe(true);
    expect(checks.some((c) => c.regularLeaseSigned === true && c.businessStillTrading === true)).toBe(true);
  });

  it('records outcome checks that agree with the histories: the own business’s lease, not another’s', () => {
    let compared = 0;
    for (const d of demo()) {
      const histories = historiesOf(d);
      for (const c of d.outcomeChecks) {
        const iv = d.interventions.find((i) => i.id === c.interventionId);
        if (!iv || !['test_shop', 'pop_up', 'temporary_use'].includes(iv.type)) continue;
        // the business the intervention placed: the one of its temporary use on the last day
        const business = (unit: string) =>
          (histories.get(unit) ?? []).find(
            (p) => p.validFrom <= iv.endDate! && (p.validTo === null || p.validTo > iv.endDate!),
          )?.businessName;
        const ownLease = iv.storefrontIds.some((unit) =>
          (histories.get(unit) ?? []).some(
            (p) =>
              p.status === 'occupied' &&
              p.businessName === business(unit) &&
              p.validFrom > iv.endDate! &&
              p.validFrom <= c.checkedOn,
          ),
        );
        expect({ check: c.note, lease: c.regularLeaseSigned }).toEqual({ check: c.note, lease: ownLease });
        // the note says the same as the answers
        if (c.note.includes('keinen Mietvertrag')) expect(c.regularLeaseSigned).toBe(false);
        if (c.businessStillTrading) expect(c.regularLeaseSigned).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('keeps intervention states, outcome checks and lessons consistent with the dates', () => {
    for (const d of demo()) {
      expect(d.interventions.length).toBeGreaterThanOrEqual(5);
      for (const i of d.interventions) {
        expect(i.description.startsWith('Synthetische Demodaten')).toBe(true);
        expect(i.budgetEur).toBeGreaterThan(0);
        const started = i.startDate !== null && i.startDate <= SNAPSHOT;
        const ended = i.endDate !== null && i.endDate < SNAPSHOT;
        expect(i.state).toBe(!started ? 'planned' : ended ? 'ended' : 'running');
        expect(i.lessonsLearned !== null).toBe(i.state === 'ended');
        for (const c of d.outcomeChecks.filter((oc) => oc.interventionId === i.id)) {
          expect(i.state).toBe('ended');
          expect(c.checkedOn > (i.endDate ?? '')).toBe(true);
          expect(c.checkedOn <= SNAPSHOT).toBe(true);
        }
      }
    }
    const types = new Set(demo().flatMap((d) => d.interventions.map((i) => i.type)));
    for (const t of ['test_shop', 'pop_up', 'temporary_use', 'rent_subsidy', 'facade_programme']) {
      expect(types.has(t as never)).toBe(true);
    }
  });

  it('holds events on days they would be held: markets in autumn over a weekend, evenings on Fridays or Saturdays', () => {
    const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
    const events = demo().flatMap((d) => d.interventions.filter((i) => i.type === 'event'));
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      const [start, end] = [e.startDate!, e.endDate!];
      const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
      const label = `${e.title}: ${start} – ${end}`;
      if (days === 1) expect([label, [5, 6].includes(weekday(start))]).toEqual([label, true]);
      else expect([label, weekday(end), days <= 3]).toEqual([label, 0, true]); // ends on Sunday
      if (e.title.startsWith('Herbstmarkt')) {
        expect([label, ['09', '10'].includes(start.slice(5, 7)), weekday(end)]).toEqual([label, true, 0]);
      }
      if (e.title.startsWith('Stadtfest')) expect(Number(start.slice(5, 7))).toBeGreaterThanOrEqual(5);
      if (e.title.startsWith('Stadtfest')) expect(Number(start.slice(5, 7))).toBeLessThanOrEqual(9);
    }
  });

  it('does not give a campaign held in several towns the same lesson everywhere', () => {
    const lessonsOf = new Map<string, string[]>();
    for (const i of demo().flatMap((d) => d.interventions)) {
      if (!['event', 'marketing', 'other'].includes(i.type) || !i.lessonsLearned) continue;
      const campaign = i.title.replace(/ \d{4}$/, '');
      lessonsOf.set(campaign, [...(lessonsOf.get(campaign) ?? []), i.lessonsLearned]);
    }
    const heldOften = [...lessonsOf].filter(([, lessons]) => lessons.length >= 3);
    expect(heldOften.length).toBeGreaterThan(0);
    for (const [campaign, lessons] of heldOften)
      expect([campaign, new Set(lessons).size > 1]).toEqual([campaign, true]);
  });

  it('writes the lessons in grammatical German', () => {
    const lessons = demo().flatMap((d) => d.interventions.map((i) => i.lessonsLearned ?? ''));
    expect(lessons.filter((l) => /von den geförderten|^Hälfte/.test(l))).toEqual([]);
    const titles = demo().flatMap((d) => d.interventions.map((i) => i.title));
    expect(titles.filter((t) => /Zwischennutzung Standort wird noch gesucht/.test(t))).toEqual([]);
  });

  it('codes the obstacles each failed or mixed lesson tells of, and none for a success or a running one', () => {
    for (const [type, byOutcome] of Object.entries(LESSON_OBSTACLES)) {
      for (const outcome of ['mixed', 'failure'] as const) {
        // one list of obstacles per lesson, each naming at least one
        expect([type, outcome, byOutcome[outcome].length]).toEqual([
          type,
          outcome,
          LESSONS[type as keyof typeof LESSONS][outcome].length,
        ]);
        for (const obstacles of byOutcome[outcome]) expect(obstacles.length).toBeGreaterThan(0);
      }
    }
    const interventions = demo().flatMap((d) => d.interventions);
    for (const i of interventions) {
      if (i.state !== 'ended' || i.outcome === 'success')
        expect([i.title, i.obstacles]).toEqual([i.title, []]);
      expect(i.obstacles).toEqual(normalizeObstacles(i.obstacles)); // each once, in the list's order
    }
    // the knowledge base has something to count: several types with obstacles, from more than one town
    const coded = interventions.filter((i) => i.obstacles.length > 0);
    expect(new Set(coded.map((i) => i.type)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(coded.map((i) => i.cityId)).size).toBeGreaterThanOrEqual(3);
    // a lesson about the rent asked is coded as such (the first failed test shop lesson is about footfall)
    const rentLesson = interventions.find((i) => i.lessonsLearned?.includes('volle Marktmiete'));
    if (rentLesson) expect(rentLesson.obstacles).toEqual(['rent_level', 'owner']);
  });
});
