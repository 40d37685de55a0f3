import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../common/domain-error.js';
import { mayAccessTown, type Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/validators.js';
import { addDays } from './kpi-dates.js';
import { bucketsBetween, flowBounds, type Bucket } from './kpi-buckets.js';
import { deriveFlowKpis, deriveStockKpis, distributionOf, rankOf } from './kpi-derive.js';
import { emptyStockCounts, trailingYear } from './kpi-formulas.js';
import {
  FLOW_SUMMARY_KPIS,
  KPI_DEFINITIONS_VERSION,
  MAX_BUCKETS,
  MAX_TOWNS,
  SUMMARY_KPIS,
  type ConversionCounts,
  type FlowCounts,
  type FlowKpis,
  type KpiSeries,
  type NetworkSummary,
  type SeriesInterval,
  type StockCounts,
  type StockKpis,
  type SummaryKpi,
  type TownKpis,
  type TownRank,
  type TownTransitions,
  type TransitionSide,
} from './kpi.types.js';
import { KpisRepository, type KpiTown } from './kpis.repository.js';
import { TransitionsRepository } from './transitions.repository.js';

const NO_STOCK: StockCounts = emptyStockCounts();
const NO_FLOWS: FlowCounts = { openings: 0, closures: 0, reLettings: 0, medianReLettingDays: null };
const NO_CONVERSION: ConversionCounts = { evaluated: 0, converted: 0 };

const invalid = (message: string, details?: unknown): DomainError =>
  new DomainError('VALIDATION_FAILED', message, details);

/** KPIs per town on dates and in buckets (docs/kpis.md): counts from SQL, ratios from kpi-derive.ts. */
@Injectable()
export class KpisService {
  constructor(
    private readonly kpis: KpisRepository,
    private readonly transitionsOf: TransitionsRepository,
  ) {}

  /**
   * The openings and closures in [from, to] unit by unit (default: the 12 months up to today, as the
   * snapshot's flows). Business names only for the town's members (as on the map).
   */
  async transitions(
    viewer: Viewer,
    cityId: string,
    from?: string,
    to: string = todayIso(),
  ): Promise<TownTransitions> {
    const start = from ?? trailingYear(to).from;
    if (start > to) throw invalid('from must not lie after to.', { from: start, to });
    const [{ id }] = (await this.knownTowns([cityId])) as [KpiTown];
    const listed = await this.transitionsOf.list(id, start, to);
    const anonymous = (side: TransitionSide | null) => side && { ...side, businessName: null };
    const transitions = mayAccessTown(viewer, id, 'read')
      ? listed.transitions
      : listed.transitions.map((t) => ({ ...t, before: anonymous(t.before), after: anonymous(t.after) }));
    return { cityId: id, from: start, to, ...listed, transitions };
  }

  async snapshot(cityIds: string[], asOf: string = todayIso()): Promise<TownKpis[]> {
    const towns = await this.knownTowns(cityIds);
    return this.snapshotOf(towns, asOf);
  }

  async series(cityIds: string[], from: string, to: string, interval: SeriesInterval): Promise<KpiSeries> {
    if (from > to) throw invalid('from must not lie after to.', { from, to });
    const buckets = bucketsBetween(from, to, interval, MAX_BUCKETS);
    if (buckets.length > MAX_BUCKETS) {
      throw invalid(
        `At most ${MAX_BUCKETS} buckets per series; choose a shorter range or a longer interval.`,
        {
          maxBuckets: MAX_BUCKETS,
        },
      );
    }
    const towns = await this.knownTowns(cityIds);
    const ids = towns.map((t) => t.id);
    const ends = buckets.map((b) => b.end);
    const [{ stock, flows }, conversion] = await Promise.all([
      this.kpis.counts(ids, ends, flowBounds(buckets)),
      this.kpis.conversionCounts(ids, ends),
    ]);
    return {
      definitionsVersion: KPI_DEFINITIONS_VERSION,
      interval,
      from,
      to,
      towns: towns.map((town) => ({
        cityId: town.id,
        buckets: buckets.map((bucket: Bucket, i) => ({
          start: bucket.start,
          end: bucket.end,
          ...deriveStockKpis(
            stock.get(town.id)?.get(i + 1) ?? NO_STOCK,
            town.population,
            conversion.get(town.id)?.get(i + 1) ?? NO_CONVERSION,
          ),
          flows: deriveFlowKpis(flows.get(town.id)?.get(i + 1) ?? NO_FLOWS, bucket.start, bucket.end),
        })),
      })),
    };
  }

  /** Across the network's members; `visible` limits them to the towns the viewer may see (undefined = all). */
  async networkSummary(
    network: string,
    asOf: string = todayIso(),
    visible?: readonly string[],
    rankTown?: string,
  ): Promise<NetworkSummary> {
    const found = await this.kpis.network(network);
    if (!found) throw notFound('Network', network);
    const members = visible ? found.cityIds.filter((id) => visible.includes(id)) : found.cityIds;
    // the same answer for a town outside the network and one the caller may not see: nothing leaks
    if (rankTown !== undefined && !members.includes(rankTown))
      throw invalid(`Town ${rankTown} is not among the members of ${found.name} compared for you.`, {
        town: rankTown,
      });
    const towns = members.length ? await this.kpis.towns(members) : [];
    const perTown = await this.snapshotOf(towns, asOf);
    const isFlow = (kpi: SummaryKpi): kpi is (typeof FLOW_SUMMARY_KPIS)[number] =>
      (FLOW_SUMMARY_KPIS as readonly string[]).includes(kpi);
    const valueOf = (t: TownKpis, kpi: SummaryKpi): number | null => (isFlow(kpi) ? t.flows[kpi] : t[kpi]);
    const ranked = perTown.find((t) => t.cityId === rankTown);
    return {
      network: { id: found.id, slug: found.slug, name: found.name },
      asOf,
      definitionsVersion: KPI_DEFINITIONS_VERSION,
      towns: perTown.length,
      kpis: Object.fromEntries(
        SUMMARY_KPIS.map((kpi) => [kpi, distributionOf(perTown.map((t) => valueOf(t, kpi)))]),
      ) as NetworkSummary['kpis'],
      ...(ranked && {
        town: {
          cityId: ranked.cityId,
          ranks: Object.fromEntries(
            SUMMARY_KPIS.map((kpi) => [
              kpi,
              rankOf(
                valueOf(ranked, kpi),
                perTown.map((t) => valueOf(t, kpi)),
              ),
            ]),
          ) as Record<SummaryKpi, TownRank>,
        },
      }),
    };
  }

  private async snapshotOf(towns: KpiTown[], asOf: string): Promise<TownKpis[]> {
    if (towns.length === 0) return [];
    const ids = towns.map((t) => t.id);
    const year = trailingYear(asOf);
    const [{ stock, flows }, conversion] = await Promise.all([
      this.kpis.counts(ids, [asOf], [year.from, addDays(asOf, 1)]),
      this.kpis.conversionCounts(ids, [asOf]),
    ]);
    return towns.map((town) => {
      const kpis: StockKpis = deriveStockKpis(
        stock.get(town.id)?.get(1) ?? NO_STOCK,
        town.population,
        conversion.get(town.id)?.get(1) ?? NO_CONVERSION,
      );
      const trailing: FlowKpis = deriveFlowKpis(flows.get(town.id)?.get(1) ?? NO_FLOWS, year.from, year.to);
      return {
        cityId: town.id,
        asOf,
        definitionsVersion: KPI_DEFINITIONS_VERSION,
        population: town.population,
        perimeterIsPlaceholder: town.perimeterIsPlaceholder,
        hasPerimeter: town.hasPerimeter,
        ...kpis,
        flows: trailing,
      };
    });
  }

  /** The towns in the order asked for (duplicates dropped); 404 naming every unknown one. */
  private async knownTowns(cityIds: string[]): Promise<KpiTown[]> {
    const unique = [...new Set(cityIds.map((id) => id.toLowerCase()))];
    if (unique.length > MAX_TOWNS) throw invalid(`At most ${MAX_TOWNS} towns per request.`);
    const found = new Map((await this.kpis.towns(unique)).map((t) => [t.id, t]));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) {
      throw new DomainError('NOT_FOUND', `Town ${missing.join(', ')} was not found.`, { ids: missing });
    }
    return unique.map((id) => found.get(id)!);
  }
}
