import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idOrSlugCondition } from '../common/id-or-slug.js';
import { addDays, isMonthEnd } from './kpi-dates.js';
import {
  DATE_DELTAS,
  DELTA_COLUMNS,
  MONTH_END_VACANCY_MEDIANS,
  RELETTING_MEDIANS,
  VACANCY_MEDIANS,
  type DeltaColumn,
} from './kpi-sql.js';
import { CONVERSION_COUNTS } from './outcome-sql.js';
import {
  CONVERTIBLE_INTERVENTION_TYPES,
  USE_MIX_KEYS,
  type ConversionCounts,
  type FlowCounts,
  type StockCounts,
  type UseMixKey,
} from './kpi.types.js';

export interface KpiTown {
  id: string;
  population: number | null;
  perimeterIsPlaceholder: boolean;
  hasPerimeter: boolean;
}

export interface KpiNetwork {
  id: string;
  slug: string;
  name: string;
  cityIds: string[];
}

/** Counts keyed by town, then by the 1-based position of the date (or bucket) in the request. */
export type CountsByTown<T> = Map<string, Map<number, T>>;

type CumulativeRow = Record<DeltaColumn, number> & { cityId: string; idx: number };
interface RunningTotals {
  /** The running total of DELTA_COLUMNS[column] of town number `town` on date number `date` (0-based). */
  value(town: number, date: number, column: number): number;
}
const COLUMN_INDEX = Object.fromEntries(DELTA_COLUMNS.map((c, i) => [c, i])) as Record<DeltaColumn, number>;
type MedianRow<K extends string> = Record<K, number | null> & { cityId: string; idx: number };
type ConversionRow = ConversionCounts & { cityId: string; idx: number };

function byTown<R extends { cityId: string; idx: number }, T>(
  rows: R[],
  toCounts: (row: R) => T,
): CountsByTown<T> {
  const result: CountsByTown<T> = new Map();
  for (const row of rows) {
    const town = result.get(row.cityId) ?? new Map<number, T>();
    town.set(row.idx, toCounts(row));
    result.set(row.cityId, town);
  }
  return result;
}

/** The KPI engine's SQL (kpi-sql.ts); one statement per kind of count for many towns × many dates. */
@Injectable()
export class KpisRepository {
  constructor(private readonly db: DataSource) {}

  towns(cityIds: string[]): Promise<KpiTown[]> {
    return this.db.query(
      `SELECT id, population, perimeter_is_placeholder AS "perimeterIsPlaceholder",
              perimeter IS NOT NULL AS "hasPerimeter"
       FROM cities WHERE id = ANY($1::uuid[])`,
      [cityIds],
    );
  }

  async network(idOrSlug: string): Promise<KpiNetwork | null> {
    const params: unknown[] = [];
    const rows: KpiNetwork[] = await this.db.query(
      `SELECT n.id, n.slug, n.name,
              COALESCE(array_agg(m.city_id ORDER BY m.city_id) FILTER (WHERE m.city_id IS NOT NULL), '{}') AS "cityIds"
       FROM networks n LEFT JOIN network_members m ON m.network_id = n.id
       WHERE ${idOrSlugCondition('n', idOrSlug, params)}
       GROUP BY n.id`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * Stock counts on `stockDates` and flow counts in the buckets between `bounds` (bucket i is
   * [bounds[i], bounds[i+1]), see kpi-buckets.ts), both sorted ascending without duplicates. The
   * running totals of both come from one DATE_DELTAS statement over the union of the stock dates and
   * the days before the bounds (for a series these overlap: a bucket's start − 1 is the previous end).
   */
  async counts(
    cityIds: string[],
    stockDates: string[],
    bounds: string[],
  ): Promise<{ stock: CountsByTown<StockCounts>; flows: CountsByTown<FlowCounts> }> {
    const flowDates = bounds.map((b) => addDays(b, -1));
    const dates = [...new Set([...stockDates, ...flowDates])].sort();
    const position = new Map(dates.map((d, i) => [d, i]));
    const [totals, vacancyMedians, reLettingMedians] = await Promise.all([
      this.runningTotals(cityIds, dates),
      this.vacancyMedians(cityIds, stockDates),
      this.db.query<MedianRow<'medianReLettingDays'>[]>(RELETTING_MEDIANS, [cityIds, bounds]),
    ]);
    const vacancyMedianOf = byTown(vacancyMedians, (r) => r.medianVacancyDays);
    const reLettingMedianOf = byTown(reLettingMedians, (r) => r.medianReLettingDays);
    const stock: CountsByTown<StockCounts> = new Map();
    const flows: CountsByTown<FlowCounts> = new Map();
    cityIds.forEach((cityId, town) => {
      const at = (date: string, column: number): number => totals.value(town, position.get(date)!, column);
      const stockOfTown = new Map<number, StockCounts>();
      stockDates.forEach((date, i) => {
        const c = (column: DeltaColumn): number => at(date, COLUMN_INDEX[column]);
        stockOfTown.set(i + 1, {
          units: c('units'),
          vacant: c('vacant'),
          underRenovation: c('under_renovation'),
          notLettable: c('not_lettable'),
          temporaryUse: c('temporary_use'),
          inUse: c('in_use'),
          longTermVacant: c('long_term_vacant'),
          unitsWithArea: c('units_with_area'),
          // areas are numeric(9,1): keep their sums exact tenths despite binary floating point
          areaTotal: Math.round(c('area_total') * 10) / 10,
          vacantArea: Math.round(c('vacant_area') * 10) / 10,
          fresh: c('fresh'),
          medianVacancyDays: vacancyMedianOf.get(cityId)?.get(i + 1) ?? null,
          useMix: Object.fromEntries(USE_MIX_KEYS.map((k) => [k, c(`mix_${k}`)])) as Record<
            UseMixKey,
            number
          >,
        });
      });
      stock.set(cityId, stockOfTown);
      const flowsOfTown = new Map<number, FlowCounts>();
      for (let i = 1; i < bounds.length; i++) {
        const change = (column: DeltaColumn): number =>
          at(flowDates[i]!, COLUMN_INDEX[column]) - at(flowDates[i - 1]!, COLUMN_INDEX[column]);
        flowsOfTown.set(i, {
          openings: change('openings'),
          closures: change('closures'),
          reLettings: change('re_lettings'),
          medianReLettingDays: reLettingMedianOf.get(cityId)?.get(i) ?? null,
        });
      }
      flows.set(cityId, flowsOfTown);
    });
    return { stock, flows };
  }

  /**
   * `medianVacancyDays` per town on `stockDates` (rows keyed by the date's 1-based position): month
   * ends from the pre-aggregate kpi_vacancy_months (every series date is one), other dates by
   * expanding the vacancies over them (VACANCY_MEDIANS; cheap for the few dates of a snapshot).
   */
  private async vacancyMedians(
    cityIds: string[],
    stockDates: string[],
  ): Promise<MedianRow<'medianVacancyDays'>[]> {
    const positions = stockDates.map((_, i) => i + 1);
    const monthEnds = positions.filter((p) => isMonthEnd(stockDates[p - 1]!));
    const others = positions.filter((p) => !isMonthEnd(stockDates[p - 1]!));
    const query = async (sql: string, at: number[]): Promise<MedianRow<'medianVacancyDays'>[]> => {
      if (at.length === 0 || cityIds.length === 0) return [];
      const rows = await this.db.query<MedianRow<'medianVacancyDays'>[]>(sql, [
        cityIds,
        at.map((p) => stockDates[p - 1]!),
      ]);
      return rows.map((r) => ({ ...r, idx: at[r.idx - 1]! }));
    };
    const [fromMonths, expanded] = await Promise.all([
      query(MONTH_END_VACANCY_MEDIANS, monthEnds),
      query(VACANCY_MEDIANS, others),
    ]);
    return [...fromMonths, ...expanded];
  }

  /** Running totals of every delta column per town (position in `cityIds`) on each of `dates`. */
  private async runningTotals(cityIds: string[], dates: string[]): Promise<RunningTotals> {
    const width = DELTA_COLUMNS.length;
    const values = new Float64Array(cityIds.length * dates.length * width);
    const result = {
      value: (town: number, date: number, column: number) =>
        values[(town * dates.length + date) * width + column]!,
    };
    if (cityIds.length === 0) return result;
    const rows = await this.db.query<(CumulativeRow & { kind: 'm' | 'd' })[]>(DATE_DELTAS, [cityIds, dates]);
    const townOf = new Map(cityIds.map((id, i) => [id, i]));
    // months go into their date's cell and are carried forward below; days only into their own date
    const days = new Float64Array(values.length);
    for (const row of rows) {
      const target = row.kind === 'm' ? values : days;
      const offset = (townOf.get(row.cityId)! * dates.length + row.idx - 1) * width;
      DELTA_COLUMNS.forEach((c, j) => (target[offset + j] = row[c]));
    }
    for (let town = 0; town < cityIds.length; town++) {
      for (let date = 1; date < dates.length; date++) {
        const offset = (town * dates.length + date) * width;
        for (let j = 0; j < width; j++) values[offset + j]! += values[offset - width + j]!;
      }
    }
    for (let i = 0; i < values.length; i++) values[i]! += days[i]!;
    return result;
  }

  async conversionCounts(cityIds: string[], dates: string[]): Promise<CountsByTown<ConversionCounts>> {
    const rows = await this.db.query<ConversionRow[]>(CONVERSION_COUNTS, [
      cityIds,
      CONVERTIBLE_INTERVENTION_TYPES,
      dates,
    ]);
    return byTown(rows, ({ evaluated, converted }) => ({ evaluated, converted }));
  }
}
