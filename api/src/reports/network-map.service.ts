import { Injectable } from '@nestjs/common';
import { notFound } from '../common/domain-error.js';
import { todayIso } from '../common/validators.js';
import { KpisRepository } from '../kpis/kpis.repository.js';
import { KpisService } from '../kpis/kpis.service.js';
import { NetworkMapRepository } from './network-map.repository.js';
import { frameAround } from './report-frame.js';
import { BKG_ATTRIBUTION, type NetworkReportMap } from './report.types.js';
import { VACANCY_CLASSES, vacancyClassOf } from './vacancy-classes.js';

/**
 * The network report's overview map: the member towns the caller may see, their boundaries, and
 * their vacancy rate on the date from the KPI engine (the same numbers as /api/kpis and the
 * network summary), each put into a fixed class.
 */
@Injectable()
export class NetworkMapService {
  constructor(
    private readonly maps: NetworkMapRepository,
    private readonly networks: KpisRepository,
    private readonly kpis: KpisService,
  ) {}

  /** `visible` limits the members to the towns the caller may see (undefined = all), as in the summary. */
  async map(
    idOrSlug: string,
    asOf: string = todayIso(),
    visible?: readonly string[],
  ): Promise<NetworkReportMap> {
    const network = await this.networks.network(idOrSlug);
    if (!network) throw notFound('Network', idOrSlug);
    const ids = visible ? network.cityIds.filter((id) => visible.includes(id)) : network.cityIds;
    const base = {
      network: { id: network.id, slug: network.slug, name: network.name },
      asOf,
      classes: VACANCY_CLASSES,
      attribution: BKG_ATTRIBUTION,
    };
    const projection = ids.length ? await this.maps.projection(ids) : null;
    if (!projection) return { ...base, crs: 'EPSG:25832', width: 0, height: 0, towns: [] };
    const frame = frameAround(projection.extent);
    const [shapes, kpis] = await Promise.all([
      this.maps.shapes(ids, projection.srid, frame),
      this.kpis.snapshot(ids, asOf),
    ]);
    const rates = new Map(kpis.map((k) => [k.cityId, k.vacancyRate]));
    return {
      ...base,
      crs: `EPSG:${projection.srid}`,
      width: frame.width,
      height: frame.height,
      towns: shapes.map((shape) => {
        const vacancyRate = rates.get(shape.cityId) ?? null;
        return { ...shape, vacancyRate, vacancyClass: vacancyClassOf(vacancyRate) };
      }),
    };
  }
}
