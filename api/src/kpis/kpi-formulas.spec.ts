import { addDays, addMonths, daysBetween, median, percentileCont } from './kpi-dates.js';
import { deriveFlowKpis, deriveStockKpis, distributionOf, rankOf } from './kpi-derive.js';
import {
  countConversion,
  countFlows,
  countStock,
  interventionOutcome,
  statusOn,
  trailingYear,
} from './kpi-formulas.js';
import type { KpiIntervention, KpiPeriod, KpiUnit } from './kpi.types.js';

/**
 * Hand-computed fixture (docs/kpis.md). D = 2024-06-30, flows over Q2 2024 = [2024-04-01, 2024-06-30].
 *
 * unit inside area verified    history
 * A    yes    100  2024-01-15  occupied retail_daily [2020-01-01, 2024-04-01), vacant [2024-04-01, …)
 * B    yes     50  –           vacant [2022-01-01, 2023-01-01), vacant [2023-01-01, …)   (one vacancy, two periods)
 * C    yes     –   2023-07-01  occupied food_drink [2019-01-01, 2024-02-29), vacant [2024-02-29, …)  (leap day)
 * D    yes     80  2024-06-30  occupied services [2018-01-01, 2023-06-01), vacant [2023-06-01, 2024-05-01),
 *                              temporary_use culture_leisure [2024-05-01, …)
 * E    yes     60  2023-06-30  occupied retail_comparison [2021-01-01, 2024-04-10), vacant [2024-04-10, 2024-05-20),
 *                              occupied retail_comparison [2024-05-20, …)       (short vacancy inside Q2)
 * F    NO     200  –           vacant [2020-01-01, …)                            (outside the perimeter)
 * G    yes    300  2024-05-01  occupied [2015-01-01, 2024-06-01), demolished [2024-06-01, …)
 * H    yes     40  –           under_renovation [2024-01-01, 2024-06-30), occupied (no category) [2024-06-30, …)
 * I    yes     –   2024-03-01  not_lettable [2010-01-01, …)
 * J    yes     70  –           occupied health [2024-06-15, …)                   (first appearance in Q2)
 * K    yes     90  –           occupied retail_daily [2020-01-01, 2024-05-15)    (disappears, no successor)
 */
const p = (
  status: KpiPeriod['status'],
  validFrom: string,
  validTo: string | null,
  useCategory: KpiPeriod['useCategory'] = null,
): KpiPeriod => ({
  status,
  validFrom,
  validTo,
  useCategory,
});
const unit = (
  floorAreaM2: number | null,
  verifiedOn: string | null,
  periods: KpiPeriod[],
  insidePerimeter = true,
): KpiUnit => ({
  insidePerimeter,
  floorAreaM2,
  visits: verifiedOn === null ? [] : [verifiedOn],
  periods,
});

const A = unit(100, '2024-01-15', [
  p('occupied', '2020-01-01', '2024-04-01', 'retail_daily'),
  p('vacant', '2024-04-01', null),
]);
const B = unit(50, null, [p('vacant', '2022-01-01', '2023-01-01'), p('vacant', '2023-01-01', null)]);
const C = unit(null, '2023-07-01', [
  p('occupied', '2019-01-01', '2024-02-29', 'food_drink'),
  p('vacant', '2024-02-29', null),
]);
const D = unit(80, '2024-06-30', [
  p('occupied', '2018-01-01', '2023-06-01', 'services'),
  p('vacant', '2023-06-01', '2024-05-01'),
  p('temporary_use', '2024-05-01', null, 'culture_leisure'),
]);
const E = unit(60, '2023-06-30', [
  p('occupied', '2021-01-01', '2024-04-10', 'retail_comparison'),
  p('vacant', '2024-04-10', '2024-05-20'),
  p('occupied', '2024-05-20', null, 'retail_comparison'),
]);
const F = unit(200, null, [p('vacant', '2020-01-01', null)], false);
const G = unit(300, '2024-05-01', [
  p('occupied', '2015-01-01', '2024-06-01', 'other'),
  p('demolished', '2024-06-01', null),
]);
const H = unit(40, null, [
  p('under_renovation', '2024-01-01', '2024-06-30'),
  p('occupied', '2024-06-30', null),
]);
const I = unit(null, '2024-03-01', [p('not_lettable', '2010-01-01', null)]);
const J = unit(70, null, [p('occupied', '2024-06-15', null, 'health')]);
const K = unit(90, null, [p('occupied', '2020-01-01', '2024-05-15', 'retail_daily')]);
const units = [A, B, C, D, E, F, G, H, I, J, K];

describe('calendar arithmetic (PostgreSQL interval semantics)', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2025-02-28', -12, '2024-02-28'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-01-15', -13, '2022-12-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts calendar days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-06-01', '2024-05-01')).toBe(335);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('interpolates medians and quartiles like percentile_cont', () => {
    expect(median([40, 335])).toBe(187.5);
    expect(median([])).toBeNull();
    expect(percentileCont([1, 2, 4, 7], 0.25)).toBe(1.75); // position 0.75 between 1 and 2
    expect(distributionOf([3, null, 1, 2])).toEqual({ median: 2, q1: 1.5, q3: 2.5, min: 1, max: 3, n: 3 });
  });

  it('places a town among the members from the lowest value; ties share a place, no value no place', () => {
    const members = [0.12, null, 0.05, 0.12, 0.2];
    expect(rankOf(0.05, members)).toEqual({ position: 1, of: 4, tied: 0 });
    expect(rankOf(0.12, members)).toEqual({ position: 2, of: 4, tied: 1 }); // shares 2nd; next is 4th
    expect(rankOf(0.2, members)).toEqual({ position: 4, of: 4, tied: 0 });
    expect(rankOf(null, members)).toEqual({ position: null, of: 4, tied: 0 });
  });

  it('the trailing year of 2025-02-28 starts on the leap day', () => {
    expect(trailingYear('2025-02-28')).toEqual({ from: '2024-02-29', to: '2025-02-28' });
  });
});

describe('status on a date', () => {
  it('a period ending on D is not valid on D', () => {
    expect(statusOn(A.periods, '2024-03-31')).toBe('occupied');
    expect(statusOn(A.periods, '2024-04-01')).toBe('vacant');
    expect(statusOn(H.periods, '2024-06-29')).toBe('under_renovation');
    expect(statusOn(H.periods, '2024-06-30')).toBe('occupied');
  });

  it('nothing before the first period or after a closed last one', () => {
    expect(statusOn(J.periods, '2024-06-14')).toBeNull();
    expect(statusOn(K.periods, '2024-05-15')).toBeNull();
  });
});

describe('stock KPIs on 2024-06-30', () => {
  const counts = countStock(units, '2024-06-30');
  const kpis = deriveStockKpis(counts, 20000, { evaluated: 0, converted: 0 });

  it('counts existing units inside the perimeter only', () => {
    // A B C D E H I J — not F (outside), G (demolished), K (gone)
    expect(kpis.units).toBe(8);
    expect(kpis.vacantUnits).toBe(3); // A B C
    expect(kpis.unitsInUse).toBe(4); // D (temporary) E H J
    expect(kpis.vacancyRate).toBe(3 / 8);
    expect(kpis.notInUseRate).toBe(4 / 8); // + I not_lettable
    expect(kpis.temporaryUseShare).toBe(1 / 8);
  });

  it('area rate over units with an area, with coverage', () => {
    // areas A100 B50 D80 E60 H40 J70 = 400 over 6 of 8 units; vacant A100 + B50 (C has none) = 150
    expect(counts.areaTotal).toBe(400);
    expect(kpis.vacancyRateByArea).toBe(150 / 400);
    expect(kpis.areaCoverage).toBe(6 / 8);
  });

  it('long-term vacancy from the start of the unbroken vacant run', () => {
    // B since 2022-01-01 (two periods, one run) is long-term; A since 2024-04-01, C since 2024-02-29 are not
    expect(kpis.longTermVacantUnits).toBe(1);
    expect(kpis.longTermVacancyShare).toBe(1 / 3);
    // days: A 2024-04-01→06-30 = 90, B 2022-01-01→2024-06-30 = 365+365+181 = 911, C 2024-02-29→06-30 = 122
    expect(kpis.medianVacancyDays).toBe(122);
  });

  it('use mix among units in use, missing category as unspecified', () => {
    // D culture_leisure, E retail_comparison, H none, J health
    expect(kpis.useMix).toEqual({
      retail_comparison: 0.25,
      retail_daily: 0,
      food_drink: 0,
      services: 0,
      health: 0.25,
      culture_leisure: 0.25,
      public_social: 0,
      other: 0,
      unspecified: 0.25,
    });
  });

  it('freshness: verified on or before D and less than 12 months ago', () => {
    // A 2024-01-15 yes; C 2023-07-01 (+12 m = 2024-07-01 > D) yes; D on D yes; I yes;
    // E 2023-06-30 (+12 m = D) no; G verified but demolished: not counted
    expect(counts.fresh).toBe(4);
    expect(kpis.dataFreshness).toBe(0.5);
  });

  it('freshness counts every on-site visit, each for 12 months, a unit once however many cover D', () => {
    // occupied since 2020; visited 2022-03-01, 2024-05-01 and 2024-08-01 (the last two overlap)
    const V: KpiUnit = {
      insidePerimeter: true,
      floorAreaM2: null,
      visits: ['2024-08-01', '2022-03-01', '2024-05-01'],
      periods: [p('occupied', '2020-01-01', null, 'services')],
    };
    const freshOn = (date: string): number => countStock([V], date).fresh;
    expect(freshOn('2022-02-28')).toBe(0); // before the first visit
    expect(freshOn('2022-03-01')).toBe(1);
    expect(freshOn('2023-01-15')).toBe(1); // the first visit's year: the last visit alone would say 0
    expect(freshOn('2023-02-28')).toBe(1);
    expect(freshOn('2023-03-01')).toBe(0); // 2022-03-01 + 12 months
    expect(freshOn('2024-04-30')).toBe(0);
    expect(freshOn('2024-09-01')).toBe(1); // two windows, one unit
    expect(freshOn('2025-04-30')).toBe(1);
    expect(freshOn('2025-07-31')).toBe(1);
    expect(freshOn('2025-08-01')).toBe(0);
  });

  it('vacant units per 1,000 inhabitants', () => {
    expect(kpis.vacantPer1000Inhabitants).toBeCloseTo(0.15, 12); // 3 / 20000 × 1000
    expect(deriveStockKpis(counts, null, { evaluated: 0, converted: 0 }).vacantPer1000Inhabitants).toBeNull();
  });

  it('a town without units has null rates, not zeros', () => {
    const empty = deriveStockKpis(countStock([F], '2024-06-30'), 1000, { evaluated: 0, converted: 0 });
    expect(empty).toMatchObject({
      units: 0,
      vacancyRate: null,
      vacancyRateByArea: null,
      dataFreshness: null,
      medianVacancyDays: null,
    });
    expect(empty.useMix.health).toBeNull();
    expect(empty.vacantPer1000Inhabitants).toBe(0);
  });
});

describe('long-term vacancy across the leap day', () => {
  // C is vacant since 2024-02-29: 12 months later is 2025-02-28
  it('C becomes long-term vacant on 2025-02-28, not a day earlier', () => {
    expect(countStock([C], '2025-02-27').longTermVacant).toBe(0);
    expect(countStock([C], '2025-02-28').longTermVacant).toBe(1);
    // A (since 2024-04-01) is not long-term on 2025-02-28; B is
    expect(countStock(units, '2025-02-28').longTermVacant).toBe(2);
  });
});

describe('flows in Q2 2024', () => {
  it('openings, closures and re-lettings with both ends inclusive', () => {
    // openings: D 05-01 (vacant→temporary), E 05-20, H 06-30 (renovation→occupied), J 06-15 (first appearance)
    // closures: A 04-01, E 04-10, G 06-01 (demolished), K 05-15 (disappears)
    // re-lettings: D 2023-06-01→2024-05-01 = 335 days, E 04-10→05-20 = 40 days; median 187.5
    const flows = deriveFlowKpis(countFlows(units, '2024-04-01', '2024-06-30'), '2024-04-01', '2024-06-30');
    expect(flows).toEqual({
      from: '2024-04-01',
      to: '2024-06-30',
      openings: 4,
      closures: 4,
      netChange: 0,
      reLettings: 2,
      medianReLettingDays: 187.5,
    });
  });

  it('net change equals the change of units in use since the day before', () => {
    const inUse = (date: string): number => countStock(units, date).inUse;
    const flows = countFlows(units, '2024-04-01', '2024-06-30');
    expect(flows.openings - flows.closures).toBe(inUse('2024-06-30') - inUse('2024-03-31'));
  });

  it('transitions on the first and last day belong to the period, the day before and after do not', () => {
    const inner = countFlows(units, '2024-04-02', '2024-06-29'); // drops A 04-01 and H 06-30
    expect(inner).toMatchObject({ openings: 3, closures: 3 });
  });

  it('ignores units outside the perimeter', () => {
    const outside = unit(
      10,
      null,
      [p('vacant', '2024-01-01', '2024-05-01'), p('occupied', '2024-05-01', null)],
      false,
    );
    expect(countFlows([outside], '2024-04-01', '2024-06-30')).toEqual({
      openings: 0,
      closures: 0,
      reLettings: 0,
      medianReLettingDays: null,
    });
  });
});

describe('intervention outcome and conversion', () => {
  const i = (
    type: KpiIntervention['type'],
    state: KpiIntervention['state'],
    endDate: string | null,
    linkedUnits: KpiPeriod[][],
    check12: KpiIntervention['check12'] = null,
  ): KpiIntervention => ({
    type,
    state,
    endDate,
    linkedUnits,
    check12,
  });
  // E and J with their businesses recorded (the register's outcome compares the business on the last
  // day of the intervention with the one on its evaluation date E = end + 12 months)
  const named = (periods: KpiPeriod[], names: (string | null)[]): KpiPeriod[] =>
    periods.map((period, n) => ({ ...period, businessName: names[n] ?? null }));
  const e = named(E.periods, ['Modehaus Kranz', null, 'Buchhandlung Seitenweise']);
  const j = named(J.periods, ['Praxis Lindner']);
  const interventions = [
    i('test_shop', 'ended', '2024-03-31', [], { regularLeaseSigned: true, checkedOn: '2025-04-02' }), // I1 yes (check)
    // I2: E let on 2025-04-30, but who ran the pop-up on 2024-04-30 (E vacant) is not recorded → overdue
    i('pop_up', 'ended', '2024-04-30', [e]),
    i('temporary_use', 'ended', '2024-04-30', [D.periods]), // I3: D temporary_use on 2025-04-30 → no
    i('test_shop', 'ended', '2024-09-30', [e]), // I4: evaluated on 2025-09-30, after D → pending
    i('test_shop', 'running', null, [e]), // I5: not ended → pending
    i('rent_subsidy', 'ended', '2023-01-31', [e]), // I6: other type → left out of the KPI
    // I7: ends on the leap day, evaluated 2025-02-28 (A vacant → no) until its check (yes) is known on 2025-07-15
    i('test_shop', 'ended', '2024-02-29', [A.periods], { regularLeaseSigned: true, checkedOn: '2025-07-15' }),
    i('pop_up', 'ended', '2024-01-31', []), // I8: no check, no unit → overdue
    i('test_shop', 'ended', '2024-01-31', [e, A.periods]), // I9: E occupied but A vacant → no
    i('temporary_use', 'ended', '2024-06-20', [j]), // I10: Praxis Lindner on both days → yes (register)
    // I11: the check says a lease, but the business no longer trades; E let to another → otherTenant
    i('test_shop', 'ended', '2024-04-30', [e], {
      regularLeaseSigned: true,
      businessStillTrading: false,
      checkedOn: '2025-05-02',
    }),
    i('pop_up', 'ended', '2024-04-05', [e]), // I12: Kranz on its last day, Seitenweise on E → otherTenant
  ];

  it('one result per intervention, with what it rests on', () => {
    const on = (n: number, date = '2025-06-30') => interventionOutcome(interventions[n - 1]!, date);
    expect(on(1)).toEqual({ result: 'success', basis: 'check' });
    expect(on(2)).toEqual({ result: 'overdue', basis: null });
    expect(on(3)).toEqual({ result: 'failure', basis: 'registry' });
    expect(on(4)).toEqual({ result: 'pending', basis: null });
    expect(on(4, '2025-09-30')).toEqual({ result: 'success', basis: 'registry' });
    expect(on(5)).toEqual({ result: 'pending', basis: null });
    expect(on(6)).toEqual({ result: 'success', basis: 'registry' });
    expect(on(7)).toEqual({ result: 'failure', basis: 'registry' });
    expect(on(7, '2025-07-15')).toEqual({ result: 'success', basis: 'check' });
    expect(on(8)).toEqual({ result: 'overdue', basis: null });
    expect(on(10)).toEqual({ result: 'success', basis: 'registry' });
    expect(on(11)).toEqual({ result: 'otherTenant', basis: 'check' });
    expect(on(11, '2025-05-01')).toEqual({ result: 'overdue', basis: null }); // before the check: E's business unknown
    expect(on(12)).toEqual({ result: 'otherTenant', basis: 'registry' });
  });

  it('a rent subsidy asks whether its businesses still trade; events are not measured', () => {
    const subsidy = i('rent_subsidy', 'ended', '2024-03-31', [A.periods, e], {
      regularLeaseSigned: false,
      businessStillTrading: true,
      checkedOn: '2025-04-01',
    });
    expect(interventionOutcome(subsidy, '2025-06-30')).toEqual({ result: 'success', basis: 'check' });
    expect(interventionOutcome(subsidy, '2025-03-31')).toEqual({ result: 'failure', basis: 'registry' }); // A vacant
    const market = i('event', 'ended', '2023-05-31', []);
    expect(interventionOutcome(market, '2025-06-30')).toEqual({ result: 'notMeasured', basis: null });
    const facade = i('facade_programme', 'ended', '2023-12-31', [e]);
    expect(interventionOutcome(facade, '2025-06-30')).toEqual({ result: 'notMeasured', basis: null });
  });

  it('on 2025-06-30: I1 I10 converted of I1 I3 I7 I9 I10 I11 I12', () => {
    expect(countConversion(interventions, '2025-06-30')).toEqual({ evaluated: 7, converted: 2 });
    expect(
      deriveStockKpis(countStock([], '2025-06-30'), null, { evaluated: 7, converted: 2 })
        .interventionConversionRate,
    ).toBe(2 / 7);
  });

  it('a recorded 12-month check wins once it is known', () => {
    expect(countConversion(interventions, '2025-07-31')).toEqual({ evaluated: 7, converted: 3 });
  });

  it('evaluates exactly 12 months after the end, leap day clamped', () => {
    const leap = [i('test_shop', 'ended', '2024-02-29', [e])];
    expect(countConversion(leap, '2025-02-27')).toEqual({ evaluated: 0, converted: 0 });
    // Kranz on 2024-02-29, Seitenweise on 2025-02-28: evaluated, let to another business
    expect(countConversion(leap, '2025-02-28')).toEqual({ evaluated: 1, converted: 0 });
  });
});
