import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idOrSlugCondition } from '../common/id-or-slug.js';
import { addDays } from './kpi-dates.js';
import {
  CONVERSION_COUNTS,
  DATE_DELTAS,
  DELTA_COLUMNS,
  RELETTING_MEDIANS,
  VACANCY_MEDIANS,
  type DeltaColumn,
} from './kpi-sql.js';
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

  /** `dates` sorted ascending, without duplicates. */
  async stockCounts(cityIds: string[], dates: string[]): Promise<CountsByTown<StockCounts>> {
    const [cumulative, medians] = await Promise.all([
      this.cumulative(cityIds, dates),
      this.db.query<MedianRow<'medianVacancyDays'>[]>(VACANCY_MEDIANS, [cityIds, dates]),
    ]);
    const medianOf = byTown(medians, (r) => r.medianVacancyDays);
    return byTown(cumulative, (r) => ({
      units: r.units,
      vacant: r.vacant,
      underRenovation: r.under_renovation,
      notLettable: r.not_lettable,
      temporaryUse: r.temporary_use,
      inUse: r.in_use,
      longTermVacant: r.long_term_vacant,
      unitsWithArea: r.units_with_area,
      areaTotal: r.area_total,
      vacantArea: r.vacant_area,
      fresh: r.fresh,
      medianVacancyDays: medianOf.get(r.cityId)?.get(r.idx) ?? null,
      useMix: Object.fromEntries(USE_MIX_KEYS.map((k) => [k, r[`mix_${k}` as DeltaColumn]])) as Record<
        UseMixKey,
        number
      >,
    }));
  }

  /**
   * `bounds` = bucket starts plus the day after the last bucket, sorted; bucket i is [bounds[i], bounds[i+1]).
   * Counts in a bucket are differences of the running totals on the days before its bounds.
   */
  async flowCounts(cityIds: string[], bounds: string[]): Promise<CountsByTown<FlowCounts>> {
    const [cumulative, medians] = await Promise.all([
      this.cumulative(
        cityIds,
        bounds.map((b) => addDays(b, -1)),
      ),
      this.db.query<MedianRow<'medianReLettingDays'>[]>(RELETTING_MEDIANS, [cityIds, bounds]),
    ]);
    const medianOf = byTown(medians, (r) => r.medianReLettingDays);
    const totals = byTown(cumulative, (r) => r);
    const result: CountsByTown<FlowCounts> = new Map();
    for (const [cityId, byIdx] of totals) {
      const town = new Map<number, FlowCounts>();
      for (let i = 1; i < bounds.length; i++) {
        const start = byIdx.get(i)!;
        const end = byIdx.get(i + 1)!;
        town.set(i, {
          openings: end.openings - start.openings,
          closures: end.closures - start.closures,
          reLettings: end.re_lettings - start.re_lettings,
          medianReLettingDays: medianOf.get(cityId)?.get(i) ?? null,
        });
      }
      result.set(cityId, town);
    }
    return result;
  }

  /** Running totals of every delta column per town on each of `dates` (sorted, without duplicates). */
  private async cumulative(cityIds: string[], dates: string[]): Promise<CumulativeRow[]> {
    if (cityIds.length === 0) return [];
    const rows = await this.db.query<(CumulativeRow & { kind: 'm' | 'd' })[]>(DATE_DELTAS, [cityIds, dates]);
    const months = new Map<string, CumulativeRow>();
    const days = new Map<string, CumulativeRow>();
    for (const row of rows) (row.kind === 'm' ? months : days).set(`${row.cityId}|${row.idx}`, row);
    const result: CumulativeRow[] = [];
    for (const cityId of cityIds) {
      const running = Object.fromEntries(DELTA_COLUMNS.map((c) => [c, 0])) as Record<DeltaColumn, number>;
      for (let idx = 1; idx <= dates.length; idx++) {
        const month = months.get(`${cityId}|${idx}`);
        const day = days.get(`${cityId}|${idx}`);
        const row = { cityId, idx } as CumulativeRow;
        for (const c of DELTA_COLUMNS) {
          running[c] += month?.[c] ?? 0;
          row[c] = running[c] + (day?.[c] ?? 0);
          // areas are numeric(9,1): keep their sums exact tenths despite binary floating point
          if (c === 'area_total' || c === 'vacant_area') row[c] = Math.round(row[c] * 10) / 10;
        }
        result.push(row);
      }
    }
    return result;
  }

  async conversionCounts(cityIds: string[], dates: string[]): Promise<CountsByTown<ConversionCounts>> {
    const rows: ConversionRow[] = await this.db.query(CONVERSION_COUNTS, [
      cityIds,
      CONVERTIBLE_INTERVENTION_TYPES,
      dates,
    ]);
    return byTown(rows, ({ evaluated, converted }) => ({ evaluated, converted }));
  }
}
