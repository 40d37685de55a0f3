import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idOrSlugCondition } from '../common/id-or-slug.js';
import { CONVERSION_COUNTS, FLOW_COUNTS, STOCK_COUNTS } from './kpi-sql.js';
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

type StockRow = Omit<StockCounts, 'useMix'> & Record<UseMixKey, number> & { cityId: string; idx: number };
type FlowRow = FlowCounts & { cityId: string; idx: number };
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
    const rows: StockRow[] = await this.db.query(STOCK_COUNTS, [cityIds, dates]);
    return byTown(rows, (r) => ({
      units: r.units,
      vacant: r.vacant,
      underRenovation: r.underRenovation,
      notLettable: r.notLettable,
      temporaryUse: r.temporaryUse,
      inUse: r.inUse,
      longTermVacant: r.longTermVacant,
      unitsWithArea: r.unitsWithArea,
      areaTotal: r.areaTotal,
      vacantArea: r.vacantArea,
      fresh: r.fresh,
      medianVacancyDays: r.medianVacancyDays,
      useMix: Object.fromEntries(USE_MIX_KEYS.map((k) => [k, r[k]])) as Record<UseMixKey, number>,
    }));
  }

  /** `bounds` = bucket starts plus the day after the last bucket, sorted; bucket i is [bounds[i], bounds[i+1]). */
  async flowCounts(cityIds: string[], bounds: string[]): Promise<CountsByTown<FlowCounts>> {
    const rows: FlowRow[] = await this.db.query(FLOW_COUNTS, [cityIds, bounds]);
    return byTown(rows, ({ openings, closures, reLettings, medianReLettingDays }) => ({
      openings,
      closures,
      reLettings,
      medianReLettingDays,
    }));
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
