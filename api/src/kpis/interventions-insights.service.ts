import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import { todayIso } from '../common/validators.js';
import { INTERVENTION_TYPES, OUTCOME_MEASURE_OF } from '../interventions/intervention.types.js';
import { addDays, addMonths } from './kpi-dates.js';
import { ratio } from './kpi-derive.js';
import {
  KPI_DEFINITIONS_VERSION,
  type InterventionsByType,
  type InterventionsByTypeAndTown,
  type OccupancyAt,
  type OccupancyBeforeAfter,
} from './kpi.types.js';
import { InterventionsInsightsRepository, type UnitStatusAt } from './interventions-insights.repository.js';
import { KpisRepository } from './kpis.repository.js';

export interface InsightScope {
  network?: string;
  cityId?: string[];
}

/** What towns learned from their interventions, per type and per intervention. */
@Injectable()
export class InterventionsInsightsService {
  constructor(
    private readonly insights: InterventionsInsightsRepository,
    private readonly kpis: KpisRepository,
  ) {}

  /** `visible` limits the towns to those the viewer may see (undefined = all). */
  async byType(
    scope: InsightScope,
    asOf: string = todayIso(),
    visible?: readonly string[],
  ): Promise<InterventionsByType> {
    const cityIds = await this.countedTowns(scope, visible);
    const counts = new Map((await this.insights.byType(cityIds, asOf)).map((c) => [c.type, c]));
    return {
      asOf,
      definitionsVersion: KPI_DEFINITIONS_VERSION,
      towns: cityIds === null ? null : cityIds.length,
      types: INTERVENTION_TYPES.map((type) => {
        const c = counts.get(type);
        return {
          type,
          measure: OUTCOME_MEASURE_OF[type],
          tried: c?.tried ?? 0,
          ended: c?.ended ?? 0,
          evaluated: c?.evaluated ?? 0,
          ledToRegularLease12m: c?.converted ?? 0,
          regularLeaseShare: ratio(c?.converted ?? 0, c?.evaluated ?? 0),
          overdue: c?.overdue ?? 0,
          medianCostPerUnit: c?.medianCostPerUnit ?? null,
          withObstacles: c?.withObstacles ?? 0,
          obstacles: c?.obstacles ?? [],
        };
      }),
    };
  }

  /**
   * Per type and town: how many were tried and how they turned out on `asOf`. The towns are those
   * `byType` counts (the same scope and visibility), every one a column even without interventions.
   */
  async byTypeAndTown(
    scope: InsightScope,
    asOf: string = todayIso(),
    visible?: readonly string[],
  ): Promise<InterventionsByTypeAndTown> {
    const cityIds = await this.countedTowns(scope, visible);
    const [towns, counts] = await Promise.all([
      this.insights.towns(cityIds),
      this.insights.byTypeAndTown(cityIds, asOf),
    ]);
    const cell = new Map(counts.map((c) => [`${c.type}/${c.cityId}`, c]));
    const synthetic = new Set(counts.filter((c) => c.synthetic).map((c) => c.cityId));
    return {
      asOf,
      definitionsVersion: KPI_DEFINITIONS_VERSION,
      towns: towns.map((town) => ({ ...town, synthetic: synthetic.has(town.id) })),
      types: INTERVENTION_TYPES.map((type) => ({
        type,
        measure: OUTCOME_MEASURE_OF[type],
        towns: towns.map(({ id }) => {
          const c = cell.get(`${type}/${id}`);
          return {
            cityId: id,
            tried: c?.tried ?? 0,
            success: c?.success ?? 0,
            failure: c?.failure ?? 0,
            otherTenant: c?.otherTenant ?? 0,
            overdue: c?.overdue ?? 0,
            pending: c?.pending ?? 0,
          };
        }),
      })),
    };
  }

  async occupancyBeforeAfter(id: string, today: string = todayIso()): Promise<OccupancyBeforeAfter> {
    const intervention = isUuid(id) ? await this.insights.intervention(id) : null;
    if (!intervention) throw notFound('Intervention', id);
    const rows = await this.insights.statusAround(id);
    const { startDate, endDate } = intervention;
    const dates: Record<UnitStatusAt['moment'], string | null> = {
      beforeStart: startDate && addDays(startDate, -1),
      atEnd: endDate,
      after12Months: endDate && addMonths(endDate, 12),
    };
    const at = (storefrontId: string, moment: UnitStatusAt['moment']): OccupancyAt => {
      const date = dates[moment];
      const known = date !== null && date <= today;
      const row = rows.find((r) => r.storefrontId === storefrontId && r.moment === moment);
      return {
        date,
        known,
        status: known ? (row?.status ?? null) : null,
        useCategory: known ? (row?.useCategory ?? null) : null,
      };
    };
    const storefrontIds = [...new Set(rows.map((r) => r.storefrontId))];
    return {
      interventionId: intervention.id,
      cityId: intervention.cityId,
      type: intervention.type,
      startDate,
      endDate,
      units: storefrontIds.map((storefrontId) => ({
        storefrontId,
        address: rows.find((r) => r.storefrontId === storefrontId)!.address,
        beforeStart: at(storefrontId, 'beforeStart'),
        atEnd: at(storefrontId, 'atEnd'),
        after12Months: at(storefrontId, 'after12Months'),
      })),
    };
  }

  /** The towns asked for (`townsOf`) that the viewer may see (`visible`, undefined = all); null = every town. */
  private async countedTowns(scope: InsightScope, visible?: readonly string[]): Promise<string[] | null> {
    const scoped = await this.townsOf(scope);
    return visible ? (scoped ?? visible).filter((id) => visible.includes(id)) : scoped;
  }

  /** Member towns of the network, the towns asked for, both (intersection), or null = every town. */
  private async townsOf(scope: InsightScope): Promise<string[] | null> {
    let cityIds: string[] | null = null;
    if (scope.network) {
      const network = await this.kpis.network(scope.network);
      if (!network) throw notFound('Network', scope.network);
      cityIds = network.cityIds;
    }
    if (scope.cityId?.length) {
      const asked = [...new Set(scope.cityId.map((id) => id.toLowerCase()))];
      const known = new Set(await this.insights.knownCityIds(asked));
      const missing = asked.filter((id) => !known.has(id));
      if (missing.length)
        throw new DomainError('NOT_FOUND', `Town ${missing.join(', ')} was not found.`, { ids: missing });
      cityIds = cityIds ? cityIds.filter((id) => known.has(id)) : asked;
    }
    return cityIds;
  }
}
